/// One input of a batch: a file path (`-` for standard input) or bytes in memory.
public struct BatchInput: Sendable {
  /// The name used in error entries: the path as given, or `-`.
  public var name: String
  /// The format, or `nil` to use the extension, then the first bytes.
  public var format: InputFormat?
  /// The size in bytes when known (regular files), for progress.
  public var size: Int?
  let open: @Sendable () throws(InputError) -> ByteSource

  /// A file, or standard input for `-`.
  public static func file(_ path: String, format: InputFormat? = nil) -> BatchInput {
    BatchInput(name: path, format: format, size: regularFileSize(path)) { () throws(InputError) in try FileDescriptorSource(path: path) }
  }

  /// Bytes in memory, read in chunks of `chunk` bytes (small chunks exercise boundaries in tests).
  public static func bytes(_ bytes: [UInt8], name: String, format: InputFormat? = nil, chunk: Int = 1 << 16) -> BatchInput {
    BatchInput(name: name, format: format, size: bytes.count) { MemorySource(bytes, chunk: chunk) }
  }

  /// The format to read this input in: the given one, else the extension's, else sniffed.
  func resolvedFormat(_ lines: inout LineReader) throws(InputError) -> InputFormat {
    if let format { return format }
    if let byExtension = InputFormat.forPath(name) { return byExtension }
    return InputFormat.sniff(try lines.peek(4096))
  }
}
