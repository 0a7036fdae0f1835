package io.tidings.webhooks.intake;

/**
 * How an inbound source proves that a delivery is its own and fresh. Every source's check runs
 * on the exact bytes received, before anything is parsed or stored.
 */
public interface InboundSignature {

    /**
     * Returns normally for an authentic, fresh delivery.
     *
     * @throws UnverifiedDeliveryException when the signature is missing, wrong or too old
     */
    void verify(DeliveryHeaders headers, byte[] body);
}
