package org.homelink.engagement.messages.channels;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.homelink.engagement.messages.delivery.DeliveryRoute;
import org.homelink.engagement.messages.delivery.Handover;
import org.homelink.engagement.messages.delivery.Outgoing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The email channel against real SMTP servers running inside the test: GreenMail, which takes the message as any
 * server would, and scripted servers that refuse, greylist, hang or are not there at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "homelink.engagement.messages.email.from=messages@riverside-trust.example",
        "homelink.engagement.messages.email.from-name=Riverside Trust",
        "homelink.engagement.messages.email.schools.947101.address=office@north-primary.example",
        "homelink.engagement.messages.email.schools.947101.name=North Primary",
        // Short, so that the hung server's test is quick; the setting is the one application.yml sets.
        "spring.mail.properties[mail.smtp.timeout]=1000"})
@ActiveProfiles("test")
class EmailChannelTest {

    private static final String NORTH = "947101";
    private static final String SOUTH = "947102";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void sendThroughGreenMail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    private EmailChannel email;
    @Autowired
    private EmailSettings settings;
    @Autowired
    private MailProperties mailProperties;

    @BeforeEach
    void emptyTheMailboxes() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void sendsTheTextAndItsHtmlInUtf8FromTheSchoolWithTheDeliveryIdAndLanguage() throws Exception {
        String text = "Kulanka waalidiinta waa Khamiista.\n\nاجلاس والدین جمعرات کو ہے۔ <b>not markup</b> & more";
        Handover handover = email.hand(new Outgoing("delivery-e1", "message-e1", NORTH, "amina@families.example",
                                                    "so", "Kulanka waalidiinta – 5 Maarso", text));

        assertThat(email.route()).isEqualTo(DeliveryRoute.EMAIL);
        assertThat(handover).isEqualTo(new Handover.Accepted(null, false));
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Kulanka waalidiinta – 5 Maarso");
        assertThat(received.getFrom()).containsExactly(new InternetAddress("office@north-primary.example",
                                                                           "North Primary", "UTF-8"));
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("North Primary");
        assertThat(received.getAllRecipients()).containsExactly(new InternetAddress("amina@families.example"));
        assertThat(received.getMessageID()).isEqualTo("<delivery-e1@north-primary.example>");
        assertThat(received.getHeader(EmailChannel.DELIVERY_HEADER)).containsExactly("delivery-e1");
        assertThat(received.getHeader("Content-Language")).containsExactly("so");

        List<Part> parts = leaves(received);
        assertThat(parts).extracting(part -> part.getContentType().toLowerCase().replace(" ", ""))
                         .containsExactly("text/plain;charset=utf-8", "text/html;charset=utf-8");
        // SMTP carries lines ended with CRLF, whatever the text had.
        assertThat(((String) parts.get(0).getContent()).replace("\r\n", "\n")).isEqualTo(text);
        assertThat((String) parts.get(1).getContent())
                .contains("<html lang=\"so\">", "<p>Kulanka waalidiinta waa Khamiista.</p>",
                          "اجلاس والدین جمعرات کو ہے۔", "&lt;b&gt;not markup&lt;/b&gt; &amp; more")
                .doesNotContain("<b>");
    }

    @Test
    void aSchoolWithoutASenderOfItsOwnSendsFromTheTrustsOne() throws Exception {
        assertThat(email.hand(new Outgoing("delivery-e2", "message-e2", SOUTH, "ben@families.example", "en",
                                           "Coffee morning", "Thursday at 9.")))
                .isInstanceOf(Handover.Accepted.class);

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getFrom()).containsExactly(new InternetAddress("messages@riverside-trust.example",
                                                                           "Riverside Trust", "UTF-8"));
        assertThat(received.getMessageID()).isEqualTo("<delivery-e2@riverside-trust.example>");
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "not-an-address", "two@at@signs.example", "someone@", "a@b.example, c@d.example"})
    void refusesWhatIsNotAnEmailAddressWithoutSendingIt(String address) throws Exception {
        assertThat(email.hand(new Outgoing("delivery-e3", "message-e3", SOUTH, address, "en", "Hello", "Hi")))
                .isEqualTo(new Handover.Undeliverable("not an email address"));
        assertThat(smtp.waitForIncomingEmail(200, 1)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no such user          | 220 ready | 550 5.1.1 No such user here       | 250 OK    | Undeliverable | SMTP 550",
            "greylisted            | 220 ready | 450 4.7.1 Greylisted, come back   | 250 OK    | TryLater      | SMTP 450",
            "refused at data       | 220 ready | 250 2.1.5 OK                      | 554 5.7.1 Rejected as spam | Undeliverable | SMTP 554",
            "mailbox full for now  | 220 ready | 250 2.1.5 OK                      | 452 4.2.2 Mailbox full     | TryLater      | SMTP 452",
            "server busy           | 421 4.3.2 Too busy, try later | - | -          | TryLater      | SMTP server not reached: MailSendException"})
    void readsTheServersReplyCodeAsNeverOrNotNow(String why, String greeting, String recipient, String data,
                                                 String outcome, String reason) throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.answering(greeting, recipient, data)) {
            Handover handover = channelAt(server.port()).hand(
                    new Outgoing("delivery-e4", "message-e4", SOUTH, "carer@families.example", "en", "Hi", "Hello"));

            assertThat(handover.getClass().getSimpleName()).isEqualTo(outcome);
            assertThat(handover.toString()).contains(reason);
        }
    }

    @Test
    void aServerThatIsNotThereIsNotNowAndSaysSoAtOnce() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        long start = System.nanoTime();
        Handover handover = channelAt(closed).hand(
                new Outgoing("delivery-e5", "message-e5", SOUTH, "carer@families.example", "en", "Hi", "Hello"));

        assertThat(handover).isInstanceOf(Handover.TryLater.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aServerThatTakesTheConnectionAndNeverAnswersIsNotNowOnceTheReadTimeoutPasses() throws IOException {
        try (ScriptedSmtpServer hung = ScriptedSmtpServer.silent()) {
            long start = System.nanoTime();
            Handover handover = channelAt(hung.port()).hand(
                    new Outgoing("delivery-e6", "message-e6", SOUTH, "carer@families.example", "en", "Hi", "Hello"));

            assertThat(handover).isInstanceOf(Handover.TryLater.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    /** A channel like the service's, with its timeouts from the service's settings, sending to another server. */
    private EmailChannel channelAt(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        Properties javaMail = new Properties();
        javaMail.putAll(mailProperties.getProperties());
        sender.setJavaMailProperties(javaMail);
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        return new EmailChannel(sender, settings);
    }

    private static List<Part> leaves(Part part) throws Exception {
        List<Part> leaves = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                leaves.addAll(leaves(child));
            }
        } else {
            leaves.add(part);
        }
        return leaves;
    }
}
