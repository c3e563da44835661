package io.alertwire.notifier.token;

/**
 * What a token may be used for. The purpose is signed with the rest, so a token made for one
 * page is refused by the other (an unsubscribe link cannot confirm a subscription).
 */
public enum TokenPurpose {
    CONFIRM((byte) 1),
    UNSUBSCRIBE((byte) 2);

    final byte code;

    TokenPurpose(byte code) {
        this.code = code;
    }
}
