package org.homelink.engagement.messages.dispatch;

import org.homelink.engagement.messages.delivery.Channel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The routes the service delivers itself; email and SMS channels come as beans of their own. */
@Configuration(proxyBeanMethods = false)
class InHouseChannels {

    @Bean
    Channel appFeedChannel() {
        return InHouseChannel.appFeed();
    }

    @Bean
    Channel staffTaskChannel() {
        return InHouseChannel.staffTasks();
    }
}
