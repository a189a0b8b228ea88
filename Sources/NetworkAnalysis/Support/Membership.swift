import SocialGraph

/// Who is among `people`, as one flag per person of a graph of `count`: a membership asked per tie or per search
/// step without hashing (a `Set<NodeIndex>` hashes every question).
/// - Complexity: O(count + people).
func flags(_ people: [NodeIndex], count: Int) -> [Bool] {
  var isIn = [Bool](repeating: false, count: count)
  for v in people { isIn[Int(v)] = true }
  return isIn
}
