import Foundation

/// Text colour on a fill by WCAG 2.1 contrast: black or white, whichever contrasts more, so every label on a
/// map box or chart chip meets AA (4.5:1 for normal text). On the proximity fills that is white on P1 (8.0:1)
/// and the team's dark grey, black on P2 (6.0:1: white there was 3.4:1), P3 and P4.
/// - Reference: W3C (2018), *Web Content Accessibility Guidelines 2.1*, relative luminance and contrast ratio
///   (success criterion 1.4.3).
enum Contrast {
  /// Relative luminance of an sRGB colour written `#RRGGBB`.
  static func luminance(_ hex: String) -> Double {
    let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
    guard digits.count == 6, let v = UInt32(digits, radix: 16) else { return 1 }
    func channel(_ shift: UInt32) -> Double {
      let c = Double((v >> shift) & 0xFF) / 255
      return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
  }

  /// (L1 + 0.05) / (L2 + 0.05), the lighter colour on top: from 1 (none) to 21 (black on white).
  static func ratio(_ a: String, _ b: String) -> Double {
    let (x, y) = (luminance(a), luminance(b))
    return (max(x, y) + 0.05) / (min(x, y) + 0.05)
  }

  /// Black or white text for `fill`, the one with the higher contrast.
  static func text(on fill: String) -> String {
    ratio("#000000", fill) >= ratio("#FFFFFF", fill) ? "#000000" : "#FFFFFF"
  }
}
