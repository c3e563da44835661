package io.alertwire.fetch.net;

/** A URL whose host is, or resolves to, an address the {@link AddressPolicy} refuses. */
public class ForbiddenAddressException extends Exception {

    public ForbiddenAddressException(String message) {
        super(message);
    }
}
