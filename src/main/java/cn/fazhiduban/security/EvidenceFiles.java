package cn.fazhiduban.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;

/**
 * Files submitted in a form's file fields (佐证材料): the name is cleaned (no path, no line breaks or
 * other control characters), the type is checked by the content's first bytes, not by the name or
 * the declared MIME type, and the stored MIME type is the one that belongs to the checked type, so
 * a download is never served as HTML.
 */
final class EvidenceFiles {

  private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] OLE2 = {
    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
  };
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  /** Known types: the signatures their content starts with, and the MIME type stored with them. */
  private record Kind(String mimeType, List<byte[]> signatures) {}

  private static final Map<String, Kind> KINDS =
      Map.of(
          "pdf", new Kind("application/pdf", List.of(PDF)),
          "doc", new Kind("application/msword", List.of(OLE2)),
          "xls", new Kind("application/vnd.ms-excel", List.of(OLE2)),
          "docx",
              new Kind(
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                  List.of(ZIP)),
          "xlsx",
              new Kind(
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                  List.of(ZIP)),
          "zip", new Kind("application/zip", List.of(ZIP, EMPTY_ZIP)),
          "jpg", new Kind("image/jpeg", List.of(JPEG)),
          "jpeg", new Kind("image/jpeg", List.of(JPEG)),
          "png", new Kind("image/png", List.of(PNG)));

  private static final int MAX_NAME = 120;

  private EvidenceFiles() {}

  /**
   * The file to store: the same one, or one with a cleaned name and the checked MIME type.
   *
   * @param accept the extensions the form's field accepts; empty means the known types above
   */
  static FileValue checked(String field, FileValue file, List<String> accept) {
    if (file.getFilename() == null && file.getValue() == null) {
      return file;
    }
    String name = cleanName(file.getFilename());
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    List<String> allowed = accept.isEmpty() ? List.copyOf(KINDS.keySet()) : accept;
    if (!allowed.contains(extension)) {
      throw new FormFieldValidationException(
          field, "“" + name + "”的类型不支持，只能上传 " + String.join("、", allowed) + " 文件。");
    }
    byte[] head = head(file, field);
    if (head.length == 0) {
      throw new FormFieldValidationException(field, "“" + name + "”是空文件，请重新选择。");
    }
    Kind kind = KINDS.get(extension);
    boolean matches =
        kind == null
            ? !looksLikeMarkup(head)
            : kind.signatures().stream().anyMatch(signature -> startsWith(head, signature));
    if (!matches) {
      throw new FormFieldValidationException(
          field, "“" + name + "”的内容不是 " + extension + " 文件（文件内容与扩展名不符），未予上传。");
    }
    String mimeType = kind == null ? "application/octet-stream" : kind.mimeType();
    if (name.equals(file.getFilename()) && mimeType.equals(file.getMimeType())) {
      return file;
    }
    try (InputStream in = file.getValue()) {
      return Variables.fileValue(name).file(in.readAllBytes()).mimeType(mimeType).create();
    } catch (IOException e) {
      throw new FormFieldValidationException(field, "“" + name + "”无法读取，请重新上传。");
    }
  }

  /**
   * The last path part, without control characters or quotes, at most {@value #MAX_NAME}
   * characters.
   */
  static String cleanName(String filename) {
    String name = filename == null ? "" : filename;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder clean = new StringBuilder();
    name.codePoints()
        .filter(c -> !Character.isISOControl(c) && c != '"' && c != '\u2028' && c != '\u2029')
        .forEach(clean::appendCodePoint);
    name = clean.toString().strip();
    while (name.startsWith(".")) {
      name = name.substring(1);
    }
    if (name.codePointCount(0, name.length()) > MAX_NAME) {
      int dot = name.lastIndexOf('.');
      String extension = dot < 0 ? "" : name.substring(dot);
      name =
          name.substring(0, name.offsetByCodePoints(0, MAX_NAME - extension.length())) + extension;
    }
    return name.isEmpty() ? "佐证材料" : name;
  }

  private static byte[] head(FileValue file, String field) {
    try (InputStream in = file.getValue()) {
      return in == null ? new byte[0] : in.readNBytes(16);
    } catch (IOException e) {
      throw new FormFieldValidationException(field, "文件无法读取，请重新上传。");
    }
  }

  private static boolean startsWith(byte[] head, byte[] signature) {
    return head.length >= signature.length
        && Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
  }

  /** HTML, SVG or XML: text that opens with a tag. */
  private static boolean looksLikeMarkup(byte[] head) {
    int i = 0;
    if (head.length >= 3
        && head[0] == (byte) 0xEF
        && head[1] == (byte) 0xBB
        && head[2] == (byte) 0xBF) {
      i = 3;
    }
    while (i < head.length && Character.isWhitespace(head[i])) {
      i++;
    }
    return i < head.length && head[i] == '<';
  }
}
