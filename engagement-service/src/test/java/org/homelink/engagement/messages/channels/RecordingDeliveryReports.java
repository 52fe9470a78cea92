package org.homelink.engagement.messages.channels;

import org.homelink.engagement.messages.delivery.DeliveryReports;
import org.homelink.engagement.messages.delivery.DeliveryState;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the messages' own record of deliveries, so the webhook can be tested on its own: it knows the copies
 * a test says were sent and records what is reported about them.
 */
class RecordingDeliveryReports implements DeliveryReports {

    /**
     * Import into a test of the running service. Primary, so that such a test keeps its own record once the
     * messages' real one is in the service too.
     */
    @TestConfiguration
    static class InTheService {

        @Bean
        @Primary
        RecordingDeliveryReports recordingDeliveryReports() {
            return new RecordingDeliveryReports();
        }
    }

    record Report(String deliveryId, DeliveryState state, String detail, Instant at) {
    }

    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final List<Report> reports = new CopyOnWriteArrayList<>();

    void sent(String deliveryId) {
        sent.add(deliveryId);
    }

    List<Report> reportsOn(String deliveryId) {
        return reports.stream().filter(report -> report.deliveryId().equals(deliveryId)).toList();
    }

    @Override
    public boolean report(String deliveryId, DeliveryState state, String detail, Instant at) {
        if (!sent.contains(deliveryId)) {
            return false;
        }
        reports.add(new Report(deliveryId, state, detail, at));
        return true;
    }
}
