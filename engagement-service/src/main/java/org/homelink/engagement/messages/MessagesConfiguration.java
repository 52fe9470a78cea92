package org.homelink.engagement.messages;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Messages go by a dispatcher and scheduled sending that run on their own, every few seconds. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MessagesConfiguration {
}
