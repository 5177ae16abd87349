package dev.scimpilot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TurnQueueTests {

    private final TurnQueue queue = new TurnQueue(new TurnProperties(4, 3, Duration.ofSeconds(5)));

    @AfterEach
    void stop() {
        queue.stop();
        queue.destroy();
    }

    @Test
    void turnsOfOneConversationRunInArrivalOrderEvenWhenTheFirstIsSlow() {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        queue.submit("a", () -> {
            await(release);
            order.add("first");
        });
        queue.submit("a", () -> order.add("second"));
        queue.submit("a", () -> order.add("third"));
        release.countDown();

        assertThat(queue.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(order).containsExactly("first", "second", "third");
    }

    @Test
    void anotherConversationDoesNotWaitForASlowOne() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        var slow = queue.submit("slow", () -> await(release));
        var other = queue.submit("other", () -> {});

        other.get(5, TimeUnit.SECONDS); // the other conversation was answered
        assertThat(slow).isNotDone();
        release.countDown();
        assertThat(queue.awaitIdle(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aFailingTurnIsCountedAndTheConversationGoesOn() {
        List<String> order = new CopyOnWriteArrayList<>();
        queue.submit("a", () -> {
            throw new IllegalStateException("boom");
        }).join();
        queue.submit("a", () -> order.add("next")).join();

        assertThat(queue.failed()).isEqualTo(1);
        assertThat(order).containsExactly("next");
    }

    @Test
    void overloadedOnlyWhileMoreThanMaxQueuedTurnsAreUnfinished() {
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 3; i++) {
            queue.submit("c" + i, () -> await(release));
        }
        assertThat(queue.overloaded()).isFalse();
        queue.submit("c3", () -> await(release));
        assertThat(queue.overloaded()).isTrue();

        release.countDown();
        assertThat(queue.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(queue.overloaded()).isFalse();
    }

    @Test
    void awaitIdleGivesUpAfterItsTimeout() {
        CountDownLatch release = new CountDownLatch(1);
        queue.submit("a", () -> await(release));

        assertThat(queue.awaitIdle(Duration.ofMillis(100))).isFalse();
        release.countDown();
        assertThat(queue.awaitIdle(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void stopLetsAcknowledgedTurnsFinish() {
        List<String> done = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            queue.submit("a", () -> {
                sleep(10);
                done.add("turn " + n);
            });
        }
        queue.stop();

        assertThat(done).hasSize(10);
    }

    @Test
    void aStoppedQueueStartedAgainStillRunsTurns() {
        queue.stop();
        queue.start();
        List<String> done = new CopyOnWriteArrayList<>();

        queue.submit("a", () -> done.add("after restart")).join();

        assertThat(done).containsExactly("after restart");
        assertThat(queue.failed()).isZero();
    }

    @Test
    void aTurnThatCannotStartIsCountedNotSilentlyDropped() {
        queue.destroy();

        queue.submit("a", () -> {}).handle((r, e) -> null).join();

        assertThat(queue.failed()).isEqualTo(1);
        assertThat(queue.unfinished()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
