package org.pscdesk.work;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs a source iterator on its own thread, a few batches ahead of the consumer, so that reading and
 * converting input overlaps with writing it (on two cores an import runs about as fast as its slower half).
 * An exception thrown by the source is rethrown to the consumer; closing stops the producer.
 *
 * <p>The consumer side is single-threaded: one thread iterates.
 */
public final class Prefetch<T> implements Iterator<T>, AutoCloseable {

    private static final Object END = new Object();
    private final BlockingQueue<Object> queue;
    private final Thread producer;
    private List<T> batch = List.of();
    private int position;
    private boolean ended;

    /**
     * @param source the iterator to run ahead
     * @param batchSize items handed over at a time
     * @param batchesAhead how many batches the producer may be ahead
     */
    public Prefetch(Iterator<T> source, int batchSize, int batchesAhead) {
        this.queue = new ArrayBlockingQueue<>(batchesAhead);
        this.producer = new Thread(() -> produce(source, batchSize), "prefetch");
        producer.setDaemon(true);
        producer.start();
    }

    private void produce(Iterator<T> source, int batchSize) {
        try {
            List<T> next = new ArrayList<>(batchSize);
            while (source.hasNext()) {
                next.add(source.next());
                if (next.size() == batchSize) {
                    queue.put(next);
                    next = new ArrayList<>(batchSize);
                }
            }
            if (!next.isEmpty()) {
                queue.put(next);
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            try {
                queue.put(new Failure(e));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A failure of the source, carried to the consumer. */
    private record Failure(Throwable error) {
    }

    @Override
    public boolean hasNext() {
        while (position == batch.size() && !ended) {
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for input", e);
            }
            if (item == END) {
                ended = true;
            } else if (item instanceof Failure f) {
                ended = true;
                if (f.error() instanceof RuntimeException re) {
                    throw re;
                }
                throw (Error) f.error();
            } else {
                @SuppressWarnings("unchecked")
                List<T> next = (List<T>) item;
                batch = next;
                position = 0;
            }
        }
        return position < batch.size();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.get(position++);
    }

    /** Stops the producer (when the consumer gives up early). */
    @Override
    public void close() {
        producer.interrupt();
        queue.clear();
    }
}
