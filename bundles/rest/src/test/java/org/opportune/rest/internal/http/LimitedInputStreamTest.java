package org.opportune.rest.internal.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.Test;

public class LimitedInputStreamTest {

    @Test
    public void aBodyOfExactlyTheLimitIsReadInFull() throws IOException {
        try (InputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[1_048_576]), 1_048_576)) {
            assertEquals(1_048_576, in.readAllBytes().length);
        }
    }

    @Test
    public void oneByteMoreFailsWith413() {
        InputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[1_048_577]), 1_048_576);

        PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class, in::readAllBytes);
        assertEquals("the request body is larger than 1048576 bytes", e.getMessage());
    }

    @Test
    public void singleByteReadsAndSkipsCountToo() throws IOException {
        InputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[10]), 5);
        assertEquals(4, in.skip(4));
        assertEquals(0, in.read());

        assertThrows(PayloadTooLargeException.class, in::read);
    }
}
