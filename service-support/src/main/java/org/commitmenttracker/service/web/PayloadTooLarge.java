package org.commitmenttracker.service.web;

import java.io.IOException;

/** A request body beyond {@code tracker.http.max-body-size}; answered 413. */
public class PayloadTooLarge extends IOException {

    public PayloadTooLarge(long limit) {
        super("The request body exceeds " + limit + " bytes.");
    }
}
