package dev.migsafe.internal.surfaces;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The SQL of a MyBatis XML mapper: the text of each {@code <select>}, {@code <insert>},
 * {@code <update>}, {@code <delete>} and {@code <sql>} element, with the dynamic elements inside
 * ({@code <if>}, {@code <where>}, {@code <foreach>}, ...) reduced to their text, which is SQL
 * too. Read with the JDK's SAX parser; a mapper's DOCTYPE (every real one has MyBatis's) is
 * read but no DTD or external entity is ever fetched or expanded, as a mapper from a
 * repository under review is untrusted input.
 */
final class MyBatisMapper {
  private static final Set<String> STATEMENTS = Set.of("select", "insert", "update", "delete",
      "sql");

  private MyBatisMapper() {}

  /** Whether the text is a MyBatis mapper, judged cheaply before parsing. */
  static boolean isMapper(String text) {
    return text.contains("<mapper");
  }

  /** Each statement's text and the line of its element; empty when the XML is not readable. */
  static List<StringLiterals.Literal> statements(String text) {
    List<StringLiterals.Literal> out = new ArrayList<>();
    try {
      SAXParserFactory f = SAXParserFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.newSAXParser().parse(new InputSource(new StringReader(text)), new Handler(out));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      return List.of();
    }
    return out;
  }

  private static final class Handler extends DefaultHandler {
    private final List<StringLiterals.Literal> out;
    private final Deque<StringBuilder> open = new ArrayDeque<>();
    private final Deque<int[]> starts = new ArrayDeque<>();
    private Locator locator;

    Handler(List<StringLiterals.Literal> out) {
      this.out = out;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    @Override
    public void startElement(String uri, String local, String name, Attributes attributes) {
      if (STATEMENTS.contains(name)) {
        open.push(new StringBuilder());
        starts.push(new int[] {locator.getLineNumber(), 1});
      } else if (!open.isEmpty()) {
        // <where> writes WHERE and drops a leading AND/OR of what it holds; 1=1 keeps the
        // AND readable.
        open.peek().append(name.equals("where") ? " WHERE 1=1 " : " ");
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (!open.isEmpty()) {
        open.peek().append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String local, String name) {
      if (STATEMENTS.contains(name) && !open.isEmpty()) {
        String sql = open.pop().toString().strip();
        int[] at = starts.pop();
        out.add(new StringLiterals.Literal(sql, at[0], at[1]));
      } else if (!open.isEmpty()) {
        open.peek().append(' ');
      }
    }

    @Override
    public InputSource resolveEntity(String publicId, String systemId) {
      // Never fetch a DTD or entity named by the file.
      return new InputSource(new StringReader(""));
    }
  }
}
