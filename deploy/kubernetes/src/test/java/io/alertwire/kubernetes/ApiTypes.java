package io.alertwire.kubernetes;

import static io.alertwire.kubernetes.Manifests.id;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the built-in kinds against the Kubernetes API types (fabric8's model, generated from the Kubernetes
 * OpenAPI schema): a field the API does not have (a typo such as {@code readinessprobe}, a field at the wrong
 * level) or a value of the wrong type is reported. Not a full schema validation: required fields and enums are
 * not checked, and custom resources (Strimzi, CloudNativePG, KEDA, Prometheus Operator) are not covered.
 */
final class ApiTypes {

    private static final Map<String, Class<?>> TYPES = Map.of(
            "apps/v1 Deployment", Deployment.class,
            "v1 Service", Service.class,
            "v1 ConfigMap", ConfigMap.class,
            "v1 Secret", Secret.class,
            "networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1 Ingress", Ingress.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

    private static final Set<String> BUILT_IN_GROUPS = Set.of("apps", "batch", "policy", "autoscaling");

    /** fabric8's types keep unknown fields in "additionalProperties"; without that catch-all, they are errors. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule().setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription bean,
                        BeanDeserializerBuilder builder) {
                    if (bean.getBeanClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
                        builder.setAnySetter(null);
                    }
                    return builder;
                }
            }));

    private ApiTypes() {
    }

    static List<String> problems(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : manifests.objects()) {
            String apiVersion = object.path("apiVersion").asText();
            Class<?> type = TYPES.get(apiVersion + " " + object.path("kind").asText());
            if (type == null) {
                if (isBuiltIn(apiVersion)) {
                    problems.add(id(object) + ": " + apiVersion + " has no API type here to check it against");
                }
                continue;
            }
            try {
                STRICT.treeToValue(object, type);
            } catch (JsonMappingException e) {
                problems.add(id(object) + ": " + e.getOriginalMessage().lines().findFirst().orElse("")
                        + " at " + path(e));
            } catch (JsonProcessingException e) {
                problems.add(id(object) + ": " + e.getOriginalMessage());
            }
        }
        return problems;
    }

    private static boolean isBuiltIn(String apiVersion) {
        if (!apiVersion.contains("/")) {
            return true;
        }
        String group = apiVersion.substring(0, apiVersion.indexOf('/'));
        return BUILT_IN_GROUPS.contains(group) || group.endsWith(".k8s.io");
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "." : path.toString();
    }
}
