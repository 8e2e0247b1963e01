import Foundation

/// A trainee known to the store.
public struct TraineeRecord: Sendable, Equatable {
  /// The trainee's name (NFC, trimmed), unique in the store.
  public var name: String
  /// When the trainee's first session was started.
  public var createdAt: Date

  /// Creates a trainee record.
  public init(name: String, createdAt: Date) {
    self.name = name
    self.createdAt = createdAt
  }
}
