package io.alertwire.fetch.xml;

/** XML that is well-formed perhaps, but that we refuse to read; the message is the readable reason. */
public class XmlRefusedException extends Exception {

    public static final String DOCTYPE =
            "XML not accepted: DOCTYPE is not allowed (it could declare external or expanding entities)";

    public XmlRefusedException(String reason) {
        super(reason);
    }
}
