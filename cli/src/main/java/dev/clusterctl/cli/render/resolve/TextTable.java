package dev.clusterctl.cli.render.resolve;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain left-aligned text table; cells may carry a picocli style ({@code red}, {@code bold}) applied after padding. */
final class TextTable {

  /** One cell: its text and an optional picocli style. */
  record Cell(String text, String style) {}

  private final List<Cell[]> rows = new ArrayList<>();
  private final String indent;

  TextTable(String indent) {
    this.indent = indent;
  }

  /** Adds a row of unstyled cells. */
  TextTable row(String... cells) {
    Cell[] row = new Cell[cells.length];
    for (int i = 0; i < cells.length; i++) {
      row[i] = new Cell(cells[i], null);
    }
    rows.add(row);
    return this;
  }

  /** Adds a row of cells. */
  TextTable row(Cell... cells) {
    rows.add(cells);
    return this;
  }

  /** Prints the rows, columns padded to their widest cell, the last column unpadded. */
  void print(PrintWriter out, Paint paint) {
    int cols = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] width = new int[cols];
    for (Cell[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].text().length());
      }
    }
    for (Cell[] r : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < r.length; i++) {
        String text = r[i].text();
        String padded = i == r.length - 1 ? text : text + " ".repeat(width[i] - text.length() + 2);
        line.append(r[i].style() == null || text.isEmpty() ? padded : paint.apply(r[i].style(), text) + padded.substring(text.length()));
      }
      out.println(stripTrailing(line));
    }
  }

  private static String stripTrailing(StringBuilder sb) {
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') {
      end--;
    }
    return sb.substring(0, end);
  }
}
