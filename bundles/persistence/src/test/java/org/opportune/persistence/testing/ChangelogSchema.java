package org.opportune.persistence.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Checks a module's changelog against the XSD of the Liquibase on the class path, which the product no longer does at
 * every boot (see {@code SchemaMigrations}): a misspelt element or attribute fails the module's build instead. Shared
 * with the other modules' tests through this module's test jar.
 */
public final class ChangelogSchema {
    /** Liquibase's own copy of its newest changelog XSD, the version the product runs. */
    private static final String XSD = "www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd";

    private ChangelogSchema() {
    }

    /** Throws an AssertionError naming the line and the rule when {@code changelog} (a resource of {@code loader}) breaks the XSD. */
    public static void assertValid(ClassLoader loader, String changelog) {
        URL xsd = ChangelogSchema.class.getClassLoader().getResource(XSD);
        URL resource = loader.getResource(changelog);
        if (xsd == null || resource == null) {
            throw new AssertionError("not on the class path: " + (xsd == null ? XSD : changelog));
        }
        try (InputStream in = resource.openStream()) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            Validator validator = factory.newSchema(xsd).newValidator();
            validator.validate(new StreamSource(in, resource.toString()));
        } catch (SAXParseException e) {
            throw new AssertionError(changelog + " line " + e.getLineNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new AssertionError(changelog + ": " + e.getMessage(), e);
        }
    }
}
