package org.paperboy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

class SmtpFailuresTest {

  @Test
  void a_5xx_reply_is_permanent_with_the_reply_on_one_line() {
    MessagingException e =
        new SMTPSendFailedException(
            "DATA", 550, "550 5.7.1 message\n  rejected", null, null, null, null);

    MailDeliveryException d = SmtpFailures.classify(e);

    assertThat(d.temporary()).isFalse();
    assertThat(d.code()).isEqualTo(550);
    assertThat(d).hasMessage("550 5.7.1 message rejected");
  }

  @Test
  void a_4xx_code_in_the_message_is_temporary() {
    MailDeliveryException d =
        SmtpFailures.classify(new MessagingException("421 4.3.2 Service shutting down"));

    assertThat(d.temporary()).isTrue();
    assertThat(d.code()).isEqualTo(421);
  }

  @Test
  void a_timeout_or_a_refused_connection_is_temporary_without_a_code() {
    MailDeliveryException timeout =
        SmtpFailures.classify(
            new MessagingException("Exception reading response", new SocketTimeoutException("x")));
    MailDeliveryException refused =
        SmtpFailures.classify(
            new MessagingException("Could not connect", new ConnectException("refused")));

    assertThat(timeout.temporary()).isTrue();
    assertThat(timeout.code()).isZero();
    assertThat(timeout).hasMessage("the mail server did not answer in time: x");
    assertThat(refused.temporary()).isTrue();
    assertThat(refused).hasMessage("cannot connect to the mail server: refused");
  }
}
