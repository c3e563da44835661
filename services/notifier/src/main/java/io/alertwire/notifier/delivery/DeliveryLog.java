package io.alertwire.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads a subscription's deliveries with their attempts, newest first. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeliveryLog {

    private final DeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;

    public DeliveryLog(DeliveryRepository deliveries, DeliveryAttemptRepository attempts) {
        this.deliveries = deliveries;
        this.attempts = attempts;
    }

    public List<DeliveryView> of(UUID subscriptionId) {
        List<Delivery> list = deliveries.listForSubscription(subscriptionId);
        Map<UUID, List<DeliveryView.Attempt>> byDelivery = attempts
                .listForDeliveries(list.stream().map(Delivery::getId).toList()).stream()
                .collect(Collectors.groupingBy(DeliveryAttempt::getDeliveryId, Collectors.mapping(
                        a -> new DeliveryView.Attempt(a.getAttemptedAt(), a.getStatusCode(), a.getError(),
                                a.getDurationMs()),
                        Collectors.toList())));
        return list.stream().map(d -> new DeliveryView(d.getId(), d.getStoryId(), d.getStory().title(),
                d.getTopics(), d.getStatus(), byDelivery.getOrDefault(d.getId(), List.of()), d.getCreatedAt(),
                d.getSentAt(), Delivery.PENDING.equals(d.getStatus()) ? d.getNextAttemptAt() : null,
                d.getFailureReason())).toList();
    }
}
