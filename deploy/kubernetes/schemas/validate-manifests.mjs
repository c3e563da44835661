// Validates Kubernetes objects against the vendored schemas of the Kubernetes API and of the operators'
// custom resources. Input (stdin): a JSON array of objects. Output (stdout): a JSON array of problems, one
// string each; an object whose apiVersion and kind have no schema here is a problem too, so a new kind cannot
// slip past unchecked.
import { validate as deployment } from "kubernetes-models/_schemas/IoK8sApiAppsV1Deployment";
import { validate as hpa } from "kubernetes-models/_schemas/IoK8sApiAutoscalingV2HorizontalPodAutoscaler";
import { validate as configMap } from "kubernetes-models/_schemas/IoK8sApiCoreV1ConfigMap";
import { validate as secret } from "kubernetes-models/_schemas/IoK8sApiCoreV1Secret";
import { validate as service } from "kubernetes-models/_schemas/IoK8sApiCoreV1Service";
import { validate as ingress } from "kubernetes-models/_schemas/IoK8sApiNetworkingV1Ingress";
import { validate as networkPolicy } from "kubernetes-models/_schemas/IoK8sApiNetworkingV1NetworkPolicy";
import { validate as pdb } from "kubernetes-models/_schemas/IoK8sApiPolicyV1PodDisruptionBudget";
import { validate as kafka } from "./node_modules/@kubernetes-models/strimzi-kafka-operator/_schemas/KafkaStrimziIoV1Kafka.js";
import { validate as nodePool } from "./node_modules/@kubernetes-models/strimzi-kafka-operator/_schemas/KafkaStrimziIoV1KafkaNodePool.js";
import { validate as kafkaTopic } from "./node_modules/@kubernetes-models/strimzi-kafka-operator/_schemas/KafkaStrimziIoV1KafkaTopic.js";
import { validate as kafkaUser } from "./node_modules/@kubernetes-models/strimzi-kafka-operator/_schemas/KafkaStrimziIoV1KafkaUser.js";
import { validate as scaledObject } from "./node_modules/@kubernetes-models/keda/_schemas/ComGithubKedacoreKedaV2ApisKedaV1alpha1ScaledObject.js";
import { validate as triggerAuth } from "./node_modules/@kubernetes-models/keda/_schemas/ComGithubKedacoreKedaV2ApisKedaV1alpha1TriggerAuthentication.js";
import { validate as podMonitor } from "./node_modules/@kubernetes-models/prometheus-operator/_schemas/ComGithubPrometheusOperatorPrometheusOperatorPkgApisMonitoringV1PodMonitor.js";
import { validate as prometheusRule } from "./node_modules/@kubernetes-models/prometheus-operator/_schemas/ComGithubPrometheusOperatorPrometheusOperatorPkgApisMonitoringV1PrometheusRule.js";
import { validate as serviceMonitor } from "./node_modules/@kubernetes-models/prometheus-operator/_schemas/ComGithubPrometheusOperatorPrometheusOperatorPkgApisMonitoringV1ServiceMonitor.js";
import { validate as pgCluster } from "./node_modules/@kubernetes-models/cloudnative-pg/_schemas/ComGithubCloudnativePgCloudnativePgApiV1Cluster.js";
import { validate as pgDatabase } from "./node_modules/@kubernetes-models/cloudnative-pg/_schemas/ComGithubCloudnativePgCloudnativePgApiV1Database.js";
import { validate as pgBackup } from "./node_modules/@kubernetes-models/cloudnative-pg/_schemas/ComGithubCloudnativePgCloudnativePgApiV1ScheduledBackup.js";

const SCHEMAS = new Map([
  ["apps/v1 Deployment", deployment],
  ["autoscaling/v2 HorizontalPodAutoscaler", hpa],
  ["v1 ConfigMap", configMap],
  ["v1 Secret", secret],
  ["v1 Service", service],
  ["networking.k8s.io/v1 Ingress", ingress],
  ["networking.k8s.io/v1 NetworkPolicy", networkPolicy],
  ["policy/v1 PodDisruptionBudget", pdb],
  ["kafka.strimzi.io/v1 Kafka", kafka],
  ["kafka.strimzi.io/v1 KafkaNodePool", nodePool],
  ["kafka.strimzi.io/v1 KafkaTopic", kafkaTopic],
  ["kafka.strimzi.io/v1 KafkaUser", kafkaUser],
  ["keda.sh/v1alpha1 ScaledObject", scaledObject],
  ["keda.sh/v1alpha1 TriggerAuthentication", triggerAuth],
  ["monitoring.coreos.com/v1 PodMonitor", podMonitor],
  ["monitoring.coreos.com/v1 PrometheusRule", prometheusRule],
  ["monitoring.coreos.com/v1 ServiceMonitor", serviceMonitor],
  ["postgresql.cnpg.io/v1 Cluster", pgCluster],
  ["postgresql.cnpg.io/v1 Database", pgDatabase],
  ["postgresql.cnpg.io/v1 ScheduledBackup", pgBackup],
]);

function describe(error) {
  const where = error.instancePath || "/";
  const detail = Object.entries(error.params ?? {})
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(", ");
  return `${where}: ${error.message ?? error.keyword}${detail ? ` (${detail})` : ""}`;
}

function problemsOf(object) {
  const type = `${object?.apiVersion} ${object?.kind}`;
  const name = `${object?.kind}/${object?.metadata?.name}`;
  const validate = SCHEMAS.get(type);
  if (!validate) {
    return [`${name}: no schema here for ${type}`];
  }
  if (validate(object)) {
    return [];
  }
  return (validate.errors ?? []).map((error) => `${name}: ${describe(error)}`);
}

let input = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) {
  input += chunk;
}
const problems = JSON.parse(input).flatMap(problemsOf);
process.stdout.write(JSON.stringify(problems));
