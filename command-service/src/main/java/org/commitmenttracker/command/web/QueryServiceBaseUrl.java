package org.commitmenttracker.command.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Gives {@link Answers} the query service's public base URL, where created things are read. */
@Component
class QueryServiceBaseUrl {

    QueryServiceBaseUrl(@Value("${tracker.query-service.base-url}") String baseUrl) {
        Answers.queryServiceBaseUrl(baseUrl);
    }
}
