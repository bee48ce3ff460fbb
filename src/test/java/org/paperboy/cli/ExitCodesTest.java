package org.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.lucene.store.AlreadyClosedException;
import org.junit.jupiter.api.Test;
import org.paperboy.PaperboyException;

/** One line on stderr, and it names the first failure, not only its consequence. */
class ExitCodesTest {
  static final IOException DISK_FULL = new IOException("No space left on device");

  @Test
  void an_index_closed_by_a_full_disk_says_no_space_left_on_device_in_its_one_line() {
    var closed = new AlreadyClosedException("this IndexWriter is closed", DISK_FULL);
    var wrapped =
        new PaperboyException(
            "adding to the search index at data/index failed: " + closed.getMessage(), closed);

    assertThat(ExitCodes.message(closed))
        .startsWith("internal error: AlreadyClosedException: this IndexWriter is closed")
        .endsWith("(because: No space left on device)")
        .doesNotContain("\n");
    assertThat(ExitCodes.message(wrapped))
        .isEqualTo(
            "adding to the search index at data/index failed: this IndexWriter is closed"
                + " (because: No space left on device)");
  }

  @Test
  void a_message_that_already_names_its_cause_is_not_repeated() {
    var e = new PaperboyException("reading x failed: No space left on device", DISK_FULL);

    assertThat(ExitCodes.message(e)).isEqualTo("reading x failed: No space left on device");
  }
}
