package org.opportune.persistence;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;

/** Keys and searches come out the same whatever the server's default locale. */
public class LocaleIndependenceTest {
    private EmbeddedDataSource dataSource;
    private JpaUnit jpa;
    private Locale defaultLocale;

    @Before
    public void start() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        jpa = new JpaUnit("opportune-persistence-test", dataSource, LocaleIndependenceTest.class.getClassLoader(), new SchemaMigrations());
        defaultLocale = Locale.getDefault();
    }

    @After
    public void stop() {
        Locale.setDefault(defaultLocale);
        jpa.close();
    }

    @Test
    public void aSearchTypedInLowerCaseFindsAnUpperCaseCodeUnderATurkishLocale() {
        jpa.run(em -> em.persist(new NoteEntity("TIM")));
        Locale.setDefault(new Locale("tr", "TR")); // where "tim".toUpperCase() is "TİM"
        Listing<NoteEntity> notes = new Listing<>(NoteEntity.class, Map.of(), "id");

        Page<NoteEntity> found = jpa.read(em -> notes.page(em,
                (cb, root) -> List.of(Listing.containsIgnoreCase(cb, root, "tim", "id")), PageRequest.first()));

        assertEquals(1, found.total());
    }

    @Test
    public void numbersHaveAsciiDigitsUnderAnArabicLocale() {
        Locale.setDefault(new Locale("ar", "SA")); // where String.format("%06d", 1) gives Arabic-Indic digits
        NumberSeries series = new NumberSeries(dataSource);

        assertEquals("CT000001", series.next("CONTACT", "CT", 6));
        assertEquals("CT000002", series.nextFree("CONTACT", "CT", 6, candidate -> false));
    }
}
