graph [
  directed 1
  multigraph 1
  node [
    id 0
    label "ana"
    title "CFO"
    influence 5
  ]
  node [
    id 1
    label "bo"
    title "Analyst"
  ]
  edge [
    source 0
    target 1
    key 0
    weight 2.5
    kind "advice"
  ]
  edge [
    source 0
    target 1
    key 1
    weight 0.5
    kind "friendship"
  ]
  edge [
    source 1
    target 0
    key 0
    weight 1.0
    kind "friendship"
    note "says &#34;hi&#34; &#38; more"
  ]
]
