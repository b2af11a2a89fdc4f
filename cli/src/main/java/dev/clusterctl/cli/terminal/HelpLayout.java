package dev.clusterctl.cli.terminal;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.Column.Overflow;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Usage help that survives any width. picocli wraps text where {@link java.text.BreakIterator}
 * allows, which includes after a dot or a slash: {@code /etc/resolv.} | {@code conf},
 * {@code cluster.} | {@code local}. This help wraps descriptions, option lists and tables only at
 * spaces, so a path, a name or a flag is never split (one longer than the whole column still is,
 * as nothing else fits); and it prints the footer (the examples) line by line as written, never
 * re-wrapped, so a long example is written with {@code \} continuations and pastes as one command.
 * Widths are picocli's: the terminal's, else 80 (a pipe).
 */
public final class HelpLayout extends Help {

  /** picocli's bound on the synopsis's indent, as a share of the width (its own constant is private). */
  private static final double MAX_AUTO_INDENT = 0.9;

  /** The help of {@code spec}, in {@code colorScheme}. */
  public HelpLayout(CommandSpec spec, ColorScheme colorScheme) {
    super(spec, colorScheme);
  }

  /** Makes every command under {@code cl} (as it is now) print its help with this layout. */
  public static void apply(CommandLine cl) {
    cl.setHelpFactory(HelpLayout::new);
  }

  private int width() {
    return commandSpec().usageMessage().width();
  }

  private boolean cjk() {
    return commandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters();
  }

  @Override
  public String description(Object... params) {
    return paragraphs(commandSpec().usageMessage().description(), params);
  }

  @Override
  public String header(Object... params) {
    return paragraphs(commandSpec().usageMessage().header(), params);
  }

  /** The footer line by line as written: examples keep their columns and their {@code \} continuations. */
  @Override
  public String footer(Object... params) {
    StringBuilder out = new StringBuilder();
    String[] lines = commandSpec().usageMessage().footer();
    if (lines != null) {
      for (String line : lines) {
        for (String part : format(line, params).split("\\R", -1)) {
          out.append(colorScheme().text(part)).append(System.lineSeparator());
        }
      }
    }
    return out.toString();
  }

  @Override
  public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals, ColorScheme scheme) {
    int longOptions = calcLongOptionColumnWidth(options, positionals, scheme);
    TextTable table = new SpaceWrapping(scheme,
        new Column(2, 0, Overflow.TRUNCATE),
        new Column(2, 0, Overflow.SPAN),
        new Column(1, 0, Overflow.TRUNCATE),
        new Column(longOptions, 1, Overflow.SPAN),
        new Column(width() - 5 - longOptions, 1, Overflow.WRAP));
    table.setAdjustLineBreaksForWideCJKCharacters(cjk());
    return new Layout(scheme, table, createDefaultOptionRenderer(), createDefaultParameterRenderer());
  }

  /** The synopsis, wrapped between its elements ({@code [--only=ID[,ID...]]...} stays whole). */
  @Override
  protected String insertSynopsisCommandName(int synopsisHeadingLength, Text details) {
    String name = commandSpec().qualifiedName();
    int indent = synopsisHeadingLength + name.length() + 1;
    if (indent > commandSpec().usageMessage().synopsisAutoIndentThreshold() * width()) {
      int configured = commandSpec().usageMessage().synopsisIndent();
      indent = Math.min(configured < 0 ? synopsisHeadingLength : configured,
          (int) (MAX_AUTO_INDENT * width()));
    }
    TextTable table = new SpaceWrapping(colorScheme(), new Column(width(), 0, Overflow.WRAP));
    table.setAdjustLineBreaksForWideCJKCharacters(cjk());
    table.indentWrappedLines = indent;
    Text padding = CommandLine.Help.Ansi.OFF.new Text("X".repeat(synopsisHeadingLength), colorScheme());
    table.addRowValues(padding.concat(colorScheme().commandText(name)).concat(details));
    return table.toString().substring(synopsisHeadingLength);
  }

  /** The two-column tables (exit codes): keys as picocli lays them out, values wrapped at spaces. */
  @Override
  public TextTable createTextTable(Map<?, ?> map) {
    if (map == null || map.isEmpty()) {
      return super.createTextTable(map);
    }
    int keyLength = 0;
    for (Object key : map.keySet()) {
      keyLength = Math.max(keyLength, String.valueOf(key).length());
    }
    keyLength = Math.min(width() - 4, keyLength);
    TextTable table = new SpaceWrapping(colorScheme(),
        new Column(keyLength + 3, 2, Overflow.SPAN),
        new Column(width() - (keyLength + 3), 2, Overflow.WRAP));
    table.setAdjustLineBreaksForWideCJKCharacters(cjk());
    for (Map.Entry<?, ?> e : map.entrySet()) {
      table.addRowValues(colorScheme().text(format(String.valueOf(e.getKey()))), colorScheme().text(format(String.valueOf(e.getValue()))));
    }
    return table;
  }

  @Override
  public String commandList(Map<String, Help> subcommands) {
    if (subcommands.isEmpty()) {
      return "";
    }
    int commandLength = 0;
    for (String name : subcommands.keySet()) {
      commandLength = Math.max(commandLength, name.length());
    }
    commandLength = Math.min(commandLength, width() / 2);
    TextTable table = new SpaceWrapping(colorScheme(),
        new Column(commandLength + 2, 2, Overflow.SPAN),
        new Column(width() - (commandLength + 2), 2, Overflow.WRAP));
    table.setAdjustLineBreaksForWideCJKCharacters(cjk());
    for (Help help : subcommands.values()) {
      CommandLine.Model.UsageMessageSpec usage = help.commandSpec().usageMessage();
      String[] source = usage.header() != null && usage.header().length > 0 ? usage.header() : usage.description();
      String first = source != null && source.length > 0 ? source[0] : "";
      Text[] lines = colorScheme().text(format(first)).splitLines();
      for (int i = 0; i < lines.length; i++) {
        table.addRowValues(i == 0 ? help.commandNamesText(", ") : colorScheme().text(""), lines[i]);
      }
    }
    return table.toString();
  }

  /** Each element a paragraph, wrapped at spaces to the width. */
  private String paragraphs(String[] lines, Object... params) {
    if (lines == null || lines.length == 0) {
      return "";
    }
    TextTable table = new SpaceWrapping(colorScheme(), new Column(width(), 0, Overflow.WRAP));
    table.setAdjustLineBreaksForWideCJKCharacters(cjk());
    table.indentWrappedLines = 0;
    for (String line : lines) {
      table.addRowValues(colorScheme().text(format(line, params)));
    }
    return table.toString();
  }

  private static String format(String text, Object... params) {
    try {
      return text == null ? "" : String.format(text, params);
    } catch (IllegalFormatException asWritten) {
      return text;
    }
  }

  /** Where a text breaks to fit columns of {@code first}, then {@code next}, characters: at spaces only. */
  static List<int[]> breaks(String plain, int first, int next) {
    List<int[]> lines = new ArrayList<>();
    int start = 0;
    int n = plain.length();
    while (start < n) {
      int room = lines.isEmpty() ? first : next;
      if (n - start <= room) {
        lines.add(new int[] {start, n});
        break;
      }
      int cut = plain.lastIndexOf(' ', start + room);
      if (cut <= start) {
        // one word longer than the column: it stands alone on its line
        cut = plain.indexOf(' ', start);
        if (cut < 0) {
          lines.add(new int[] {start, n});
          break;
        }
      }
      lines.add(new int[] {start, cut});
      start = cut;
      while (start < n && plain.charAt(start) == ' ') {
        start++;
      }
    }
    return lines;
  }

  /** A table whose wrapping columns break lines at spaces, never inside a word. */
  static final class SpaceWrapping extends TextTable {

    SpaceWrapping(ColorScheme scheme, Column... columns) {
      super(scheme, columns);
    }

    @Override
    public Cell putValue(int row, int col, Text value) {
      Column column = columns()[col];
      if (column.overflow != Overflow.WRAP || value == null) {
        return super.putValue(row, col, value);
      }
      String plain = value.plainString();
      if (plain.isEmpty() || plain.contains("\n")) {
        return super.putValue(row, col, value);
      }
      int indent = column.indent;
      List<int[]> lines = breaks(plain, column.width - indent, column.width - indent - indentWrappedLines);
      Cell cell = new Cell(col, row);
      int at = row;
      try {
        for (int i = 0; i < lines.size(); i++) {
          if (i > 0) {
            addEmptyRow();
            at = cell.row + 1;
            column.indent = indent + indentWrappedLines;
          }
          cell = super.putValue(at, col, value.substring(lines.get(i)[0], lines.get(i)[1]));
        }
      } finally {
        column.indent = indent;
      }
      return cell;
    }
  }
}
