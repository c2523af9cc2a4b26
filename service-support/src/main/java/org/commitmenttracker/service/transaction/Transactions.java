package org.commitmenttracker.service.transaction;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * Both services' transaction manager: Spring Boot's own (a {@link JdbcTransactionManager} with its
 * customizers), which tells a commit the database broke off apart ({@link OutcomeAwareTransactions}).
 * Axon's transactions and every {@code TransactionTemplate} go through it.
 */
@Configuration(proxyBeanMethods = false)
public class Transactions {

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource,
                                                  ObjectProvider<TransactionManagerCustomizers> customizers) {
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
        customizers.ifAvailable(each -> each.customize(transactions));
        return new OutcomeAwareTransactions(transactions);
    }
}
