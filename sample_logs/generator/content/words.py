"""Word lists the prompt slots draw from. All invented for this project."""

from __future__ import annotations

FIRST = (
    "Ana", "Ben", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
    "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq",
    "Uma", "Viktor", "Wen", "Yara", "Zoe", "Luca", "Maya", "Noah", "Ivy", "Raj", "Sofia",
    "Theo", "Amara", "Bruno", "Carmen", "Declan", "Freya", "Gustavo", "Hana", "Ilya",
)  # fmt: skip
LAST = (
    "Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalski", "Haddad", "Brennan", "Costa",
    "Novak", "Fischer", "Adeyemi", "Silva", "Petrov", "Nakamura", "O'Neill", "Jansen",
    "Rossi", "Dubois", "Khan", "Meyer", "Varga", "Ortiz", "Berg", "Mensah", "Laine", "Park",
    "Quist", "Reyes", "Schulz", "Yilmaz",
)  # fmt: skip
CITIES = (
    "Lisbon", "Rotterdam", "Austin", "Leeds", "Lyon", "Krakow", "Osaka", "Toronto", "Denver",
    "Porto", "Gothenburg", "Valencia", "Cork", "Tallinn", "Brisbane", "Nairobi", "Montreal",
    "Bilbao", "Graz", "Turin",
)  # fmt: skip
STREETS = (
    "Harbour Lane", "Maple Row", "Kingsway", "Rua das Flores", "Linden Allee", "Canal Street",
    "Birch Court", "Station Road", "Quay Side", "Elm Terrace",
)  # fmt: skip
PRODUCTS = (
    "Lumen thermostat", "Breeze air purifier", "Volt home battery", "Northwind Hub",
    "Ember panel heater", "Tidal leak sensor", "Halo video doorbell", "Glow smart plug",
    "Drift ceiling fan", "Pulse energy meter",
)  # fmt: skip
PLANS = ("Basic", "Plus", "Pro", "Family")
COMPANIES = (
    "Brightwater Utilities", "Kestrel Logistics", "Alder & Finch", "Solano Energy",
    "Greyhaven Insurance", "Marlow Retail Group", "Quartzline Software", "Tern Freight",
    "Oakridge Property", "Bluefen Media", "Halcyon Health", "Corvid Analytics",
)  # fmt: skip
TEAMS = ("Support", "Data Platform", "Growth", "Finance", "Legal", "Hardware", "Mobile", "SRE")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
LANGS = (
    ("German", "de-DE"), ("French", "fr-FR"), ("Spanish", "es-ES"), ("Italian", "it-IT"),
    ("Portuguese", "pt-PT"), ("Dutch", "nl-NL"), ("Polish", "pl-PL"), ("Swedish", "sv-SE"),
    ("Japanese", "ja-JP"), ("Turkish", "tr-TR"),
)  # fmt: skip
SERVICES = (
    "billing-api", "device-gateway", "telemetry-ingest", "auth-service", "notifications",
    "checkout", "search", "firmware-updater",
)  # fmt: skip
REPOS = ("northwind-web", "billing-service", "data-pipelines", "infra", "hub-firmware")
HOBBIES = ("bouldering", "sourdough", "chess", "trail running", "board games", "birdwatching")
CARRIERS = ("DHL", "UPS", "PostNL", "DPD", "GLS", "FedEx")
MONTHS = ("August", "September", "October", "November")
