package org.opportune.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.Locale;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Codes are spelt the same whatever the JVM's default locale; Turkish is the one that differs. */
public class CodesTest {
    private Locale defaultLocale;

    @Before
    public void turkish() {
        defaultLocale = Locale.getDefault();
        Locale.setDefault(new Locale("tr", "TR"));
    }

    @After
    public void restoreLocale() {
        Locale.setDefault(defaultLocale);
    }

    @Test
    public void aDottedLowerIBecomesAPlainUpperIEvenInTurkish() {
        assertEquals("TİM", "tim".toUpperCase()); // what the default locale would do
        assertEquals("TIM", Codes.normalise("tim"));
    }

    @Test
    public void aCodeIsTrimmedAndUpperCased() {
        assertEquals("JO", Codes.normalise("  jo "));
        assertEquals("CT000001", Codes.normalise("CT000001"));
    }

    @Test
    public void nullOrBlankIsNoCode() {
        assertNull(Codes.normalise(null));
        assertNull(Codes.normalise(""));
        assertNull(Codes.normalise(" \t "));
    }
}
