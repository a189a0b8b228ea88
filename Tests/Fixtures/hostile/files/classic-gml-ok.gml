Creator "x"
graph [
 node [ id 1 label "Ann &amp; Co" ]
 node [ id 2 label "Bo" ]
 edge [ source 1 target 2 value 2 ]
]
