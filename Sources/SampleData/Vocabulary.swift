/// Names, titles and channels the sample generator draws from. A mix of languages and scripts on purpose:
/// real CRM data has accents, apostrophes and hyphens, and every output must render them.
enum Vocabulary {
  static let firstNames = [
    "Anna", "Bruno", "Carla", "David", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Karin", "Luca",
    "Maria", "Nils", "Olga", "Pedro", "Quentin", "Rosa", "Sven", "Tanja", "Umar", "Vera", "Wim", "Xavier",
    "Yara", "Zoë", "José", "Siobhán", "Łukasz", "Renée", "Mehmet", "Aiko", "Priya", "Kwame", "Ingrid", "Mateo",
    "Chloé", "Björn", "Fatima", "Tomás", "Helga", "Raj", "Lena", "Marco", "Noor", "Pieter", "Sofia", "Arjun",
    "Camille", "Dmitri", "Eva", "Frederik", "Giulia", "Hannah", "Ivan", "Julia", "Kenji", "Laura", "Mikael",
    "Nadia", "Oscar", "Paula", "Rafael", "Sara", "Thomas", "Ulrike", "Victor", "Wei", "Yusuf", "Zofia",
  ]
  static let lastNames = [
    "Keller", "Moreau", "Rossi", "Jansen", "Novak", "Haddad", "Lindqvist", "Fischer", "García", "Schmidt",
    "O'Brien", "Dubois-Martin", "Wójcik", "Müller", "Nguyễn", "Ødegaard", "Kowalski", "Bianchi", "Andersen",
    "Petrov", "Costa", "Yilmaz", "Tanaka", "Okafor", "Sharma", "Berg", "Lambert", "Horvat", "Weber", "Silva",
    "Meyer", "De Vries", "Kaya", "Larsen", "Fontaine", "Marino", "Popescu", "Nowak", "Sato", "Mensah",
    "Rahman", "Svensson", "Ferreira", "Wagner", "Laurent", "Ricci", "Pereira", "Hoffmann", "Eriksen", "Varga",
  ]

  struct Department {
    let name: String
    let share: Double
    let head: String
    let directors: [String]
    let managers: [String]
    let staff: [String]
    /// Titles (by substring) of people who are technical experts / gatekeepers in this department.
    let experts: [String]
    let gatekeepers: [String]
    /// How interested the department is in our offer (a logistics-planning platform), 1…5.
    let interest: Int
    /// How likely we are to know its people (relative).
    let reach: Double
  }

  static let departments: [Department] = [
    Department(name: "Operations", share: 0.30, head: "Chief Operating Officer",
               directors: ["Director of Warehousing", "Director of Transport", "Director of Customer Service"],
               managers: ["Site Manager", "Fleet Manager", "Shift Supervisor", "Planning Manager"],
               staff: ["Logistics Coordinator", "Dispatcher", "Warehouse Planner", "Customer Service Agent", "Route Planner"],
               experts: ["Planning Manager"], gatekeepers: [], interest: 5, reach: 1.6),
    Department(name: "IT", share: 0.20, head: "Chief Information Officer",
               directors: ["Head of Infrastructure", "Head of Applications", "Enterprise Architect"],
               managers: ["IT Manager", "Security Lead", "Integration Lead"],
               staff: ["Systems Engineer", "Solution Architect", "Data Engineer", "Support Analyst"],
               experts: ["Architect", "Engineer", "Security", "Integration"], gatekeepers: ["Security Lead"],
               interest: 4, reach: 1.3),
    Department(name: "Finance", share: 0.13, head: "Chief Financial Officer",
               directors: ["Financial Controller", "Head of FP&A"],
               managers: ["Accounting Manager", "Treasury Manager"],
               staff: ["Financial Analyst", "Accountant", "Cost Controller"],
               experts: [], gatekeepers: ["Controller"], interest: 2, reach: 0.5),
    Department(name: "Procurement", share: 0.09, head: "Chief Procurement Officer",
               directors: ["Head of Indirect Procurement"],
               managers: ["Category Manager", "Contract Manager"],
               staff: ["Buyer", "Procurement Analyst"],
               experts: [], gatekeepers: ["Procurement", "Contract", "Buyer", "Category"], interest: 3, reach: 0.9),
    Department(name: "Sales & Marketing", share: 0.18, head: "Chief Commercial Officer",
               directors: ["Sales Director", "Head of Marketing"],
               managers: ["Key Account Manager", "Marketing Manager"],
               staff: ["Sales Representative", "Marketing Specialist", "Inside Sales Agent"],
               experts: [], gatekeepers: [], interest: 3, reach: 0.6),
    Department(name: "Human Resources", share: 0.10, head: "Chief People Officer",
               directors: ["HR Director"],
               managers: ["HR Business Partner", "Talent Manager"],
               staff: ["Recruiter", "Payroll Specialist", "HR Assistant"],
               experts: [], gatekeepers: [], interest: 2, reach: 0.4),
  ]

  static let accountNames = [
    "Northwind Logistics", "Helvetia Freight", "Brightwater Foods", "Calder Pharma", "Orion Retail Group",
    "Bluefin Shipping", "Kestrel Manufacturing", "Lumen Energy", "Maple & Stone", "Riverside Health",
  ]

  static let team: [(title: String, department: String)] = [
    ("Account Executive", "Sales"), ("Solutions Engineer", "Presales"), ("Customer Success Manager", "Customer Success"),
    ("Regional Sales Director", "Sales"), ("Support Lead", "Support"), ("Executive Sponsor (CRO)", "Executive"),
    ("Implementation Consultant", "Services"), ("Partner Manager", "Alliances"),
  ]

  /// Channel: (cost per touch, base points).
  static let channels: [(name: String, cost: Double, points: Double, weight: Double)] = [
    ("email", 5, 0.5, 0.30), ("call", 40, 1.0, 0.22), ("meeting", 300, 3.0, 0.16), ("lunch", 150, 2.5, 0.07),
    ("demo", 400, 3.0, 0.06), ("webinar", 60, 1.0, 0.08), ("event", 600, 3.5, 0.05), ("site_visit", 900, 4.0, 0.03),
    ("support_ticket", 80, 0.5, 0.03),
  ]
}
