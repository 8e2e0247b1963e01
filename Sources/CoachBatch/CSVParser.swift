/// Reads RFC 4180 CSV records from a line stream: quoted fields may hold delimiters, doubled
/// quotes and line breaks; CRLF and LF both end a record; a BOM is skipped (by `LineReader`).
///
/// Lenient where real exports are sloppy: a quote inside an unquoted field is kept as text, and
/// text after a closing quote is appended to the field. Invalid UTF-8 on a line is replaced with
/// U+FFFD and reported. A quoted field that never closes is reported at its starting line once
/// it passes `maxRecordBytes` or the input ends, and reading resumes after it.
struct CSVParser {
  struct Record {
    var fields: [String]
    /// The line the record starts on.
    var line: Int
    /// The record's last line (differs from `line` for multi-line fields).
    var endLine: Int
  }

  var lines: LineReader
  let file: String
  /// The field separator: `,` unless the header line uses tabs or semicolons instead.
  private(set) var delimiter: UInt8 = UInt8(ascii: ",")
  private var delimiterChosen = false
  let maxRecordBytes: Int
  /// Problems found while reading (invalid UTF-8, unterminated quotes); drained by the caller.
  var problems: [RecordError] = []

  init(lines: LineReader, file: String, maxRecordBytes: Int = 64 << 20) {
    self.lines = lines
    self.file = file
    self.maxRecordBytes = maxRecordBytes
  }

  var bytesConsumed: Int { lines.consumed }

  /// The next record, or `nil` at the end of the input. Blank lines between records are skipped.
  mutating func next() throws(InputError) -> Record? {
    var fields: [String] = []
    var field: [UInt8] = []
    var inQuotes = false
    var quotedField = false
    var startLine = 0
    var recordBytes = 0
    while let line = try lines.next() {
      if line.isOverlong {
        problems.append(RecordError("line is longer than \(lines.maxLineBytes) bytes; skipped", file: file, line: line.number))
        if inQuotes { fields = []; field = []; inQuotes = false; quotedField = false; startLine = 0; recordBytes = 0 }
        continue
      }
      let raw = lines.buffer[line.range]
      if !inQuotes && raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      if startLine == 0 { startLine = line.number }
      if !delimiterChosen { chooseDelimiter(raw) }
      var bytes = raw
      if raw.contains(where: { $0 >= 0x80 }) {
        let (text, repairs) = UTF8Repair.decode(raw)
        if repairs > 0 {
          problems.append(RecordError(UTF8Repair.message(repairs: repairs), file: file, line: line.number))
          bytes = ArraySlice(text.utf8)
        }
      }
      recordBytes += bytes.count
      for b in bytes {
        if inQuotes {
          if b == 0x22 {
            inQuotes = false
          } else {
            field.append(b)
          }
        } else if b == delimiter {
          fields.append(String(decoding: field, as: UTF8.self))
          field.removeAll(keepingCapacity: true)
          quotedField = false
        } else if b == 0x22 {
          if field.isEmpty && !quotedField {
            inQuotes = true
            quotedField = true
          } else if quotedField {
            // A doubled quote inside a quoted field ("" → "), or text after the closing quote.
            inQuotes = true
            field.append(0x22)
          } else {
            field.append(b)
          }
        } else {
          field.append(b)
        }
      }
      if inQuotes {
        if recordBytes > maxRecordBytes {
          problems.append(
            RecordError(
              "a quoted field starting on this line was not closed within \(maxRecordBytes) bytes (through line \(line.number)); those lines were skipped",
              file: file, line: startLine))
          fields = []
          field = []
          inQuotes = false
          quotedField = false
          startLine = 0
          recordBytes = 0
          continue
        }
        field.append(0x0A)
        continue
      }
      fields.append(String(decoding: field, as: UTF8.self))
      return Record(fields: fields, line: startLine, endLine: line.number)
    }
    if inQuotes {
      problems.append(RecordError("a quoted field starting on this line is never closed", file: file, line: startLine))
    }
    return nil
  }

  /// `,` by default; tab or `;` when the header line has those and no comma.
  private mutating func chooseDelimiter(_ header: ArraySlice<UInt8>) {
    delimiterChosen = true
    if header.contains(UInt8(ascii: ",")) { return }
    if header.contains(0x09) {
      delimiter = 0x09
    } else if header.contains(UInt8(ascii: ";")) {
      delimiter = UInt8(ascii: ";")
    }
  }
}
