package io.alertwire.fetch.websub;

/** Where a WebSub subscription stands; only {@link #ACTIVE} (within its lease) replaces polling. */
public enum SubscriptionState {
    /** Asked of the hub (or about to be), awaiting the hub's verification. */
    PENDING,
    /** Verified by the hub; content is pushed until the lease ends. */
    ACTIVE,
    /** The hub refused it ({@code hub.mode=denied}); asked again later. */
    DENIED,
    /** The hub could not be reached, answered with an error or never verified; asked again later. */
    FAILED,
    /** The lease ended without a renewal; asked again. */
    EXPIRED
}
