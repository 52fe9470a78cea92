package org.homelink.engagement.messages.channels;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.client.RestClient;

/**
 * Email and SMS, each on only once it is configured: the one-command run sends nothing outside the machine unless
 * told where to. An empty setting counts as not set, so that an empty environment variable turns a channel off
 * rather than pointing it nowhere.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EmailSettings.class, SmsSettings.class})
class MessageChannelsConfiguration {

    /** Spring Boot makes the {@link JavaMailSender}, from {@code spring.mail.*}, once the host is set. */
    @Bean
    @ConditionalOnSetting("spring.mail.host")
    EmailChannel emailChannel(JavaMailSender mail, EmailSettings settings) {
        return new EmailChannel(mail, settings);
    }

    @Bean
    @ConditionalOnSetting("homelink.engagement.messages.sms.url")
    SmsChannel smsChannel(SmsSettings settings, RestClient.Builder builder) {
        return new SmsChannel(settings, builder);
    }
}
