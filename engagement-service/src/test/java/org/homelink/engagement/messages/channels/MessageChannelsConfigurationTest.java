package org.homelink.engagement.messages.channels;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.homelink.engagement.messages.delivery.DeliveryReports;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** Each channel, and the receipts webhook, is on only once configured: unset and empty both mean off. */
class MessageChannelsConfigurationTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
            .withUserConfiguration(MessageChannelsConfiguration.class, SmsReceiptsController.class)
            .withBean(RestClient.Builder.class, RestClient::builder)
            .withBean(ObjectMapper.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(DeliveryReports.class, () -> new RecordingDeliveryReports());

    @Test
    void sendsNothingAndTakesNoReceiptsUntilConfigured() {
        service.run(context -> assertThat(context).hasNotFailed()
                                                  .doesNotHaveBean(EmailChannel.class)
                                                  .doesNotHaveBean(SmsChannel.class)
                                                  .doesNotHaveBean(SmsReceiptsController.class));
    }

    @Test
    void readsAnEmptySettingAsNotSet() {
        service.withPropertyValues("spring.mail.host=", "homelink.engagement.messages.sms.url=",
                                   "homelink.engagement.messages.sms.webhook-secret= ")
               .run(context -> assertThat(context).hasNotFailed()
                                                  .doesNotHaveBean(EmailChannel.class)
                                                  .doesNotHaveBean(SmsChannel.class)
                                                  .doesNotHaveBean(SmsReceiptsController.class));
    }

    @Test
    void turnsEachOnWithItsSetting() {
        service.withPropertyValues("spring.mail.host=smtp.riverside-trust.example",
                                   "homelink.engagement.messages.email.from=messages@riverside-trust.example",
                                   "homelink.engagement.messages.sms.url=https://sms.provider.example/v1/messages",
                                   "homelink.engagement.messages.sms.webhook-secret=shared-secret")
               .run(context -> assertThat(context).hasNotFailed()
                                                  .hasSingleBean(EmailChannel.class)
                                                  .hasSingleBean(SmsChannel.class)
                                                  .hasSingleBean(SmsReceiptsController.class));
    }

    @Test
    void refusesToStartEmailWithoutASender() {
        service.withPropertyValues("spring.mail.host=smtp.riverside-trust.example")
               .run(context -> assertThat(context).hasFailed().getFailure()
                                                  .hasStackTraceContaining("homelink.engagement.messages.email.from"));
    }
}
