import Foundation

/// Where the progress store lives when the user does not say.
public enum StoreLocation {
  /// The store's file name inside the data folder.
  public static let fileName = "progress.sqlite"
  /// The folder under the user's data directory.
  public static let folderName = "replycoach"

  /// The store path: `--store PATH`, then `COACH_STORE`, then the XDG data directory.
  ///
  /// Order: an explicit non-empty path wins; then a non-empty `COACH_STORE`; then
  /// `$XDG_DATA_HOME/replycoach/progress.sqlite` when `XDG_DATA_HOME` is an absolute path (the
  /// XDG spec says to ignore relative ones); else `$HOME/.local/share/replycoach/progress.sqlite`,
  /// with the account's home folder standing in when `HOME` is unset.
  ///
  /// ```swift
  /// StoreLocation.resolve(explicit: nil, environment: ["HOME": "/home/mj"])
  /// // "/home/mj/.local/share/replycoach/progress.sqlite"
  /// ```
  public static func resolve(explicit: String?, environment: [String: String]) -> String {
    if let explicit, !explicit.isEmpty { return explicit }
    if let path = environment["COACH_STORE"], !path.isEmpty { return path }
    if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
      return join(dataHome, folderName, fileName)
    }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? FileManager.default.homeDirectoryForCurrentUser.path
    return join(home, ".local/share", folderName, fileName)
  }

  private static func join(_ base: String, _ parts: String...) -> String {
    var path = base
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    for part in parts { path += (path == "/" ? "" : "/") + part }
    return path
  }
}
