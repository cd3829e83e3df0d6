package org.opportune.rest.internal.whiteboard;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.opportune.api.RestWhiteboard;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The resources this bundle brings: the components its {@code Service-Component} header describes that are
 * enabled and carry {@value RestWhiteboard#RESOURCE_PROPERTY}{@code =true}, by implementation class name. Read
 * from the component descriptions rather than listed by hand, so a resource added to the bundle is waited for
 * without anyone remembering to.
 */
final class BuiltInResources {
    /** The manifest header listing the component descriptions (Declarative Services). */
    static final String SERVICE_COMPONENT = "Service-Component";
    private static final String COMPONENT = "component";
    private static final Logger LOG = LoggerFactory.getLogger(BuiltInResources.class);

    private BuiltInResources() {
    }

    /** @return the implementation class names, sorted; none when the bundle has no component descriptions */
    static Set<String> of(Bundle bundle) {
        String header = bundle.getHeaders("").get(SERVICE_COMPONENT);
        Set<String> resources = new TreeSet<>();
        if (header == null) {
            return resources;
        }
        for (String clause : header.split(",")) {
            String path = clause.split(";")[0].trim();
            for (URL entry : entries(bundle, path)) {
                try (InputStream in = entry.openStream()) {
                    resources.addAll(resources(in));
                } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
                    // SCR cannot build its components either: nothing of it to wait for
                    LOG.warn("cannot read the component description {}: {}", entry, e.toString());
                }
            }
        }
        return resources;
    }

    /** The implementation classes of the enabled resource components in one component description. */
    static List<String> resources(InputStream description)
            throws IOException, SAXException, ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder().parse(description).getDocumentElement();
        List<Element> components = COMPONENT.equals(root.getLocalName()) ? List.of(root) : children(root, COMPONENT);
        List<String> resources = new ArrayList<>();
        for (Element component : components) {
            if (!"false".equals(component.getAttribute("enabled").trim()) && isResource(component)) {
                children(component, "implementation").stream().map(i -> i.getAttribute("class").trim())
                        .filter(name -> !name.isEmpty()).forEach(resources::add);
            }
        }
        return resources;
    }

    private static boolean isResource(Element component) {
        for (Element property : children(component, "property")) {
            if (RestWhiteboard.RESOURCE_PROPERTY.equals(property.getAttribute("name").trim())) {
                String value = property.hasAttribute("value") ? property.getAttribute("value")
                        : property.getTextContent();
                return "true".equalsIgnoreCase(value.trim());
            }
        }
        return false;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && localName.equals(nodes.item(i).getLocalName())) {
                found.add((Element) nodes.item(i));
            }
        }
        return found;
    }

    /** A path of the header, its last segment possibly a pattern with {@code *}. */
    private static List<URL> entries(Bundle bundle, String path) {
        if (path.isEmpty()) {
            return List.of();
        }
        if (!path.contains("*")) {
            URL entry = bundle.getEntry(path);
            return entry == null ? List.of() : List.of(entry);
        }
        int slash = path.lastIndexOf('/');
        Enumeration<URL> found = bundle.findEntries(slash < 0 ? "/" : path.substring(0, slash),
                path.substring(slash + 1), false);
        return found == null ? List.of() : Collections.list(found);
    }
}
