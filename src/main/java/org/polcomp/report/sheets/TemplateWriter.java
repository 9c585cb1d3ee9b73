package org.polcomp.report.sheets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.polcomp.load.SheetLayout;
import org.polcomp.load.SheetLayout.Column;
import org.polcomp.load.SheetLayout.Kind;
import org.polcomp.model.Codebook;
import org.polcomp.model.Coding;
import org.polcomp.model.Funding;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.model.Source;

/**
 * Writes the data-entry workbook of SHEETS.md: a Read me sheet, one sheet per table with a bold
 * frozen header and an Excel table, drop-downs that refer to named ranges on the hidden Lists
 * sheet, an input message per column, and the rows of the given municipalities. No timestamps or
 * user names: the same dataset and codebook give the same workbook.
 */
public final class TemplateWriter {
  /** Rows below the data that get the drop-downs and messages, for rows typed later. */
  static final int SPARE_ROWS = 1000;
  /** Characters per unit of column width (Excel counts 1/256 of a character). */
  private static final int WIDTH_UNIT = 256;

  /** The time of every entry of the package (the earliest a zip file can hold). */
  private static final LocalDateTime TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

  private final Codebook codebook;
  private final String codebookName;

  /**
   * @param codebookName how the Read me sheet names the codebook used ("the default codebook")
   */
  public TemplateWriter(Codebook codebook, String codebookName) {
    this.codebook = codebook;
    this.codebookName = codebookName;
  }

  /** Writes the workbook with {@code municipalities} (none: an empty template) to {@code out}. */
  public void write(List<Municipality> municipalities, OutputStream out) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      var core = wb.getProperties().getCoreProperties();
      core.setCreator("polcomp");
      core.setCreated(java.util.Optional.empty());
      core.setModified(java.util.Optional.empty());
      CellStyle bold = wb.createCellStyle();
      Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle text = wb.createCellStyle();
      text.setDataFormat(wb.createDataFormat().getFormat("@"));
      CellStyle wrap = wb.createCellStyle();
      wrap.setWrapText(true);
      readMe(wb.createSheet(SheetLayout.README), bold, wrap);
      Map<String, List<List<Object>>> rows = rows(municipalities);
      List<XSSFSheet> sheets = new ArrayList<>();
      for (SheetLayout.Sheet s : SheetLayout.SHEETS) {
        sheets.add(wb.createSheet(s.name()));
      }
      XSSFSheet lists = wb.createSheet(SheetLayout.LISTS);
      lists(wb, lists, bold);
      for (int i = 0; i < sheets.size(); i++) {
        SheetLayout.Sheet s = SheetLayout.SHEETS.get(i);
        dataSheet(wb, sheets.get(i), s, rows.get(s.name()), bold, text);
      }
      wb.setSheetVisibility(wb.getSheetIndex(lists), SheetVisibility.HIDDEN);
      wb.setActiveSheet(0);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      wb.write(bytes);
      fixTimes(bytes.toByteArray(), out);
    }
  }

  /** The package again with one fixed time on every entry: POI stamps them with the clock. */
  private static void fixTimes(byte[] pkg, OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(pkg))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTimeLocal(TIME);
        zip.putNextEntry(copy);
        in.transferTo(zip);
        zip.closeEntry();
      }
    }
    zip.finish();
  }

  private void readMe(XSSFSheet sheet, CellStyle bold, CellStyle wrap) {
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"polcomp data-entry workbook"});
    lines.add(new String[] {"Fill one row per municipality on Municipalities and one row per"
        + " measure on Measures; funding entries, sources and human codings go on their own"
        + " sheets, one row each, naming their measure by municipality_id and measure_id."});
    lines.add(new String[] {"Pick vocabulary values from the drop-downs; separate several groups"
        + " or contact partners with '; '. Type dates as text: 2016, 2016-11 or 2016-11-01 (end:"
        + " open for no end date). Type numbers without thousands separators (12000.50)."});
    lines.add(new String[] {"Then check the workbook with 'polcomp validate FILE.xlsx' and turn"
        + " it into policy files with 'polcomp import FILE.xlsx -o DIR'."});
    lines.add(new String[] {"Codebook: " + codebookName});
    lines.add(new String[] {});
    lines.add(new String[] {"sheet", "column", "what it holds"});
    for (SheetLayout.Sheet s : SheetLayout.SHEETS) {
      for (Column c : s.columns()) {
        lines.add(new String[] {s.name(), c.key(), c.help()});
      }
    }
    for (int r = 0; r < lines.size(); r++) {
      XSSFRow row = sheet.createRow(r);
      String[] cells = lines.get(r);
      for (int c = 0; c < cells.length; c++) {
        XSSFCell cell = row.createCell(c);
        cell.setCellValue(cells[c]);
        if (r == 0 || cells[0].equals("sheet") && c < 3 && r == 6) {
          cell.setCellStyle(bold);
        } else if (cells.length == 1) {
          cell.setCellStyle(wrap);
        }
      }
    }
    sheet.setColumnWidth(0, 18 * WIDTH_UNIT);
    sheet.setColumnWidth(1, 20 * WIDTH_UNIT);
    sheet.setColumnWidth(2, 90 * WIDTH_UNIT);
  }

  /** One column per vocabulary, each a named range that the drop-downs refer to. */
  private void lists(XSSFWorkbook wb, XSSFSheet sheet, CellStyle bold) {
    List<Map.Entry<String, List<String>>> lists = SheetLayout.lists(codebook);
    XSSFRow header = sheet.createRow(0);
    for (int c = 0; c < lists.size(); c++) {
      XSSFCell cell = header.createCell(c);
      cell.setCellValue(lists.get(c).getKey());
      cell.setCellStyle(bold);
      List<String> values = lists.get(c).getValue();
      for (int r = 0; r < values.size(); r++) {
        XSSFRow row = sheet.getRow(r + 1) != null ? sheet.getRow(r + 1) : sheet.createRow(r + 1);
        row.createCell(c).setCellValue(values.get(r));
      }
      Name name = wb.createName();
      name.setNameName("list_" + lists.get(c).getKey());
      String col = CellReference.convertNumToColString(c);
      name.setRefersToFormula("'" + SheetLayout.LISTS + "'!$" + col + "$2:$" + col + "$"
          + (Math.max(1, values.size()) + 1));
    }
  }

  private void dataSheet(XSSFWorkbook wb, XSSFSheet sheet, SheetLayout.Sheet s,
      List<List<Object>> rows, CellStyle bold, CellStyle text) {
    List<Column> cols = s.columns();
    XSSFRow header = sheet.createRow(0);
    for (int c = 0; c < cols.size(); c++) {
      XSSFCell cell = header.createCell(c);
      cell.setCellValue(cols.get(c).key());
      cell.setCellStyle(bold);
      Kind kind = cols.get(c).kind();
      if (kind != Kind.INTEGER && kind != Kind.NUMBER && kind != Kind.BOOLEAN) {
        // Text format, so that a typed 2016-11 or 0344 stays as typed.
        sheet.setDefaultColumnStyle(c, text);
      }
      sheet.setColumnWidth(c, width(cols.get(c)) * WIDTH_UNIT);
    }
    for (int r = 0; r < rows.size(); r++) {
      XSSFRow row = sheet.createRow(r + 1);
      List<Object> values = rows.get(r);
      for (int c = 0; c < values.size(); c++) {
        Object v = values.get(c);
        if (v == null) {
          continue;
        }
        XSSFCell cell = row.createCell(c);
        if (v instanceof Number n) {
          cell.setCellValue(n.doubleValue());
        } else if (v instanceof Boolean b) {
          cell.setCellValue(b);
        } else {
          cell.setCellValue(v.toString());
          cell.setCellStyle(text);
        }
      }
    }
    sheet.createFreezePane(0, 1);
    int last = Math.max(1, rows.size());
    if (rows.isEmpty()) {
      sheet.createRow(1);
    }
    // An Excel table over the header and the rows, so that rows typed below it join it.
    AreaReference area = new AreaReference(new CellReference(0, 0),
        new CellReference(last, cols.size() - 1), SpreadsheetVersion.EXCEL2007);
    XSSFTable table = sheet.createTable(area);
    table.setName(s.name());
    table.setDisplayName(s.name());
    for (int c = 0; c < cols.size(); c++) {
      table.getCTTable().getTableColumns().getTableColumnArray(c).setName(cols.get(c).key());
    }
    table.getCTTable().addNewTableStyleInfo().setName("TableStyleLight9");
    table.getCTTable().getTableStyleInfo().setShowRowStripes(true);
    DataValidationHelper dv = sheet.getDataValidationHelper();
    int lastRow = rows.size() + SPARE_ROWS;
    for (int c = 0; c < cols.size(); c++) {
      Column col = cols.get(c);
      DataValidationConstraint constraint;
      boolean list = col.kind() == Kind.VOCABULARY || col.kind() == Kind.BOOLEAN;
      if (list) {
        constraint = dv.createFormulaListConstraint("list_" + col.list());
      } else {
        constraint = dv.createTextLengthConstraint(
            DataValidationConstraint.OperatorType.LESS_OR_EQUAL, "32767", null);
      }
      DataValidation v = dv.createValidation(constraint,
          new CellRangeAddressList(1, lastRow, c, c));
      v.createPromptBox(col.key(), clip(col.help()));
      v.setShowPromptBox(true);
      v.setEmptyCellAllowed(true);
      if (list) {
        // A warning, not a stop: a value of another codebook may be meant; import checks it.
        v.setErrorStyle(DataValidation.ErrorStyle.WARNING);
        v.createErrorBox(col.key(), "Not a value of the list; polcomp will report it.");
        v.setShowErrorBox(true);
        v.setSuppressDropDownArrow(true);
      } else {
        v.setShowErrorBox(false);
      }
      sheet.addValidationData(v);
    }
  }

  /** An input message holds at most 255 characters. */
  private static String clip(String s) {
    return s.length() <= 255 ? s : s.substring(0, 252) + "...";
  }

  private static int width(Column c) {
    return switch (c.kind()) {
      case INTEGER, NUMBER, DATE, BOOLEAN -> 12;
      case VOCABULARY -> 22;
      case MULTI, JSON -> 30;
      case TEXT -> c.key().equals("description") || c.key().equals("title")
          || c.key().equals("note") ? 40 : 18;
    };
  }

  /** The cells of every sheet, row by row, in column order. */
  private static Map<String, List<List<Object>>> rows(List<Municipality> municipalities) {
    Map<String, List<List<Object>>> rows = new LinkedHashMap<>();
    for (SheetLayout.Sheet s : SheetLayout.SHEETS) {
      rows.put(s.name(), new ArrayList<>());
    }
    for (Municipality m : municipalities) {
      rows.get(SheetLayout.MUNICIPALITIES).add(java.util.Arrays.asList(m.id(), m.name(),
          m.country(), m.region(), m.population(), m.type(), str(m.asOf()), json(m.extensions())));
      for (Measure x : m.measures()) {
        rows.get(SheetLayout.MEASURES).add(java.util.Arrays.asList(m.id(), x.id(), x.title(),
            x.description(), x.domain(), String.join("; ", x.target().groups()),
            x.target().eligibility(), x.target().proxy() ? Boolean.TRUE : null, x.instrument(),
            x.scale(), str(x.period().start()), x.period().endText(), x.declaredDuration(),
            x.status(), x.successor(),
            x.contactWith().isEmpty() ? null : String.join("; ", x.contactWith()),
            json(x.extensions())));
        for (Funding f : x.funding()) {
          rows.get(SheetLayout.FUNDING).add(java.util.Arrays.asList(m.id(), x.id(), f.source(),
              f.amountEur(), f.note()));
        }
        for (Source s : x.sources()) {
          rows.get(SheetLayout.SOURCES).add(java.util.Arrays.asList(m.id(), x.id(), s.title(),
              s.url(), str(s.date()), s.page()));
        }
        for (Coding c : codings(x)) {
          rows.get(SheetLayout.CODINGS).add(java.util.Arrays.asList(m.id(), x.id(), c.coder(),
              c.targeting() == null ? null : c.targeting().label(),
              c.duration() == null ? null : c.duration().label(), c.note()));
        }
      }
    }
    return rows;
  }

  /** The human codings of a measure, one Codings row each. */
  private static List<Coding> codings(Measure m) {
    return m.codings();
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  private static String json(Map<String, Object> ext) {
    return ext.isEmpty() ? null : Json.of(ext);
  }
}
