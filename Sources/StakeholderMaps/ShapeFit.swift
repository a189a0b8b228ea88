import Foundation

/// How wide a Graphviz shape must be for a line of text to fit inside it at a given height. A box (and a
/// rounded box) has its full width at every height; a `component` loses 10 pt to its tabs on the left. An
/// ellipse of width W and height H is 2·(W/2)·√(1 − (2y/H)²) wide at height y from its centre; Graphviz's
/// hexagon has its side vertices at mid-height and its top and bottom edges half as wide, so W·(1 − |y|/H) wide
/// at y. The text's extent is taken as its line's centre ± 0.45 × font size (capitals and descenders), plus
/// `padding` on each side.
enum ShapeFit {
  static let padding = 9.0

  /// The width of `shape` (height `height`) that holds `textWidth` points of text centred `lineCentre` above
  /// the shape's centre.
  static func width(for textWidth: Double, shape: String, height: Double, lineCentre: Double, size: Double) -> Double {
    let needed = textWidth + 2 * padding
    let far = abs(lineCentre) + 0.45 * size
    switch shape {
    case "ellipse":
      let f = 1 - pow(2 * far / height, 2)
      return needed / sqrt(max(f, 0.05))
    case "hexagon":
      return needed / max(1 - far / height, 0.2)
    case "component":
      return needed + 10
    default:
      return needed
    }
  }

  /// The room inside `shape` (width × height) at `lineCentre`, for a line of font `size`: what `width(for:)`
  /// inverts (the test checks every label against it).
  static func room(shape: String, width: Double, height: Double, lineCentre: Double, size: Double) -> Double {
    let far = abs(lineCentre) + 0.45 * size
    switch shape {
    case "ellipse": return width * sqrt(max(1 - pow(2 * far / height, 2), 0.05)) - 2 * padding
    case "hexagon": return width * max(1 - far / height, 0.2) - 2 * padding
    case "component": return width - 10 - 2 * padding
    default: return width - 2 * padding
    }
  }
}
