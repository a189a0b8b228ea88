Creator "Gephi 0.10"
# a comment
graph
[
  directed 0
  node
  [
    id 10
    label "Myriel"
    graphics
    [
      x -120.5
      y 33.0
      fill "#ff0000"
    ]
    group 1
  ]
  node
  [
    id 7
    label "Napoleon"
    group 1
  ]
  node
  [
    id 3
    label "Mlle &amp; Baptistine"
    group 2
  ]
  edge
  [
    source 7
    target 10
    value 1
  ]
  edge
  [
    source 3
    target 10
    value 8
  ]
]
