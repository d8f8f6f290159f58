"""Languages, personal data, documents for extraction, text to edit or translate and small
structured data blocks."""

from __future__ import annotations

from random import Random

import orjson

from .slots import SLOTS, Ctx, date_text, fill, pick, pick_list
from .words import CITIES, PLANS, PRODUCTS


# ---- languages ---------------------------------------------------------------------------

FOREIGN: dict[str, tuple[str, ...]] = {
    "de": ("Mein Thermostat lässt sich seit gestern nicht mehr einschalten.", "Wann wird meine Bestellung geliefert?",
           "Die App zeigt immer eine falsche Temperatur an.", "Ich möchte mein Abo kündigen."),
    "fr": ("Mon thermostat ne s'allume plus depuis hier.", "Quand ma commande sera-t-elle livrée ?",
           "L'application affiche toujours une mauvaise température.", "Je voudrais résilier mon abonnement."),
    "es": ("Mi termostato no enciende desde ayer.", "¿Cuándo llegará mi pedido?",
           "La aplicación siempre muestra una temperatura equivocada.", "Quiero cancelar mi suscripción."),
    "it": ("Il mio termostato non si accende da ieri.", "Quando arriverà il mio ordine?",
           "L'app mostra sempre una temperatura sbagliata."),
    "pt": ("O meu termóstato não liga desde ontem.", "Quando vai chegar a minha encomenda?",
           "A aplicação mostra sempre a temperatura errada."),
    "nl": ("Mijn thermostaat gaat sinds gisteren niet meer aan.", "Wanneer wordt mijn bestelling geleverd?",
           "De app laat altijd een verkeerde temperatuur zien."),
    "pl": ("Mój termostat nie włącza się od wczoraj.", "Kiedy dotrze moje zamówienie?",
           "Aplikacja zawsze pokazuje złą temperaturę."),
    "sv": ("Min termostat har inte gått att starta sedan igår.", "När levereras min beställning?"),
    "tr": ("Termostatım dünden beri açılmıyor.", "Siparişim ne zaman teslim edilecek?"),
    "fi": ("Termostaattini ei ole käynnistynyt eilisen jälkeen.", "Milloin tilaukseni toimitetaan?"),
    "ja": ("昨日からサーモスタットの電源が入りません。", "注文はいつ届きますか？"),
    "en": ("My thermostat hasn't turned on since yesterday.", "When will my order be delivered?"),
}
LANG_NAMES = {"de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
              "pl": "Polish", "sv": "Swedish", "tr": "Turkish", "fi": "Finnish", "ja": "Japanese", "en": "English"}


EN_PARALLEL = ("My thermostat hasn't turned on since yesterday.", "When will my order be delivered?",
               "The app always shows the wrong temperature.", "I want to cancel my subscription.")


def _foreign(r: Random, c: Ctx) -> str:
    code = r.choice(tuple(FOREIGN))
    c.setdefault("answer", code)
    i = r.randrange(len(FOREIGN[code]))
    c["en_parallel"] = EN_PARALLEL[i]
    return FOREIGN[code][i]


SLOTS["foreign"] = _foreign

EN_TEXTS = (
    "Thanks for your patience. We've sent a replacement {{product}} and you should receive it within three working days.",
    "Your refund of {{amount}} has been processed and will appear on your statement in 5-7 days.",
    "Keep the {{product}} away from direct sunlight for the most accurate readings.",
    "Save up to 20% on heating this winter with smart schedules that learn your routine.",
    "To reset the device, hold the button for ten seconds until the light blinks blue.",
    "We're sorry your delivery was late. As a thank-you for waiting, here is a voucher for your next order.",
    "Your subscription renews on {{date}}. You can change your plan at any time in the app.",
    "Heating off while you're away, warm when you walk in. That's the Northwind way.",
)
SLOTS["en_text"] = pick_list(EN_TEXTS)
SLOTS["en_short"] = pick("Where is the nearest train station?", "Your order has shipped", "Battery low",
                         "Thank you for your patience", "Turn off the heating at night", "Schedule saved")
SLOTS["ui_strings_json"] = lambda r, c: orjson.dumps(
    dict(r.sample([("settings.title", "Settings"), ("schedule.save", "Save schedule"), ("device.offline", "Device offline"),
                   ("report.empty", "No data for this period yet"), ("plan.upgrade", "Upgrade to Pro"),
                   ("alert.leak", "Water detected near {device}"), ("login.forgot", "Forgot your password?")], k=r.randrange(3, 6)))
).decode()

# ---- personal data -----------------------------------------------------------------------

SLOTS["pii_text"] = pick(
    "Customer {{fullname}} (DOB {{dob}}) called from {{phone}} about order {{order_id}}. Email on file: {{email}}. "
    "Ships to {{address}}. Paid with card ending {{card4}}.",
    "Hi, this is {{first}} {{last}}, my number is {{phone}} and I live at {{address}}. Please call me back, "
    "my account email is {{email}}.",
    "Refund to IBAN {{iban}} in the name of {{fullname}}. Contact: {{email}}, {{phone}}.",
    "Agent note: spoke with {{first}} (the account holder's partner). Verified with national ID {{natid}} and "
    "date of birth {{dob}}. New address {{address}}.",
    "Installer visit booked for {{date}} at {{address}}. Ask for {{fullname}}, mobile {{phone}}. Dog in the garden.",
    "The {{product}} was reported faulty by a customer in {{city}}. No personal details were provided in the form.",
)

# ---- documents for extraction ------------------------------------------------------------

SLOTS["invoice"] = pick(
    "INVOICE {{invoice_id}}\nFrom: {{company}}\nDate: {{date}}\nBill to: Northwind Labs Ltd, {{address}}\n\n"
    "{{qty}} x {{product}} @ {{amount}}\nShipping: {{amount}}\nTotal due: {{amount2}}\nDue by: {{date2}}",
    "{{company}} - Tax invoice\nInvoice number: {{invoice_id}}  Issued: {{date}}\nCustomer: {{fullname}}\n"
    "Consulting services, {{month}} 2026 ... {{amount2}}\nVAT 20% included. Please pay within 14 days.",
    "Rechnung / Invoice {{invoice_id}}\n{{company}}\nLeistungsdatum: {{date}}\nPos 1: Wartung {{product}} {{amount}}\n"
    "Pos 2: Anfahrt {{amount}}\nGesamt: {{amount2}}",
)
SLOTS["invoice_email"] = pick(
    "Hi, just confirming we received payment of {{amount2}} for order {{order_id}} on {{date}}. Receipt attached. - {{first}}",
    "Your order {{order_id}} ({{qty}} items) totals {{amount2}}. It was placed on {{date}} and ships from {{city}}.",
)
SLOTS["shipping_notice"] = pick(
    "Good news! Your parcel with {{carrier}} (tracking {{tracking}}) for order {{order_id}} is on its way to {{city}}. "
    "Expected delivery: {{date}}.",
    "{{carrier}} delivery update: shipment {{tracking}} is delayed at the {{city2}} hub. New estimate {{date}}. Ref {{order_id}}.",
    "Your order {{order_id}} has been dispatched. Carrier: {{carrier}}. We'll email tracking details soon.",
)
SLOTS["meeting_request"] = pick(
    "Hey {{first}}, can we grab 45 minutes on {{weekday}} at 14:30 to go over the {{module}} migration? "
    "I'll book the Fjord room. {{first2}} and {{fullname2}} should join too.",
    "Quarterly review with {{company}}: {{date}}, 10:00-11:30 CET, their office in {{city}}. Attendees: {{fullname}}, {{fullname2}}.",
    "let's do a quick call tomorrow 9am about the {{product}} launch, 20 mins, zoom link to follow. cc {{first2}}",
)
SLOTS["news_snippet"] = pick(
    "{{company}} announced on {{date}} that it will open a new logistics hub in {{city}}, investing {{amount2}}m. "
    "CEO {{fullname}} said the site will employ 300 people.",
    "In {{city}}, {{fullname}} of {{company}} signed a supply agreement with Northwind Labs worth {{amount2}} on {{date}}.",
    "Regulators in {{city}} fined {{company}} {{amount2}} after an audit led by {{fullname2}} found billing errors.",
)
SLOTS["job_email"] = pick(
    "Dear hiring team, I'm {{fullname}} and I'd like to apply for the Senior Data Engineer role. I have {{n2}} months "
    "of experience at {{company}}. You can reach me at {{email}} or {{phone}}.",
    "Hello! Applying for the support lead position. {{n2}} months in customer service, currently at {{company}}. "
    "CV attached. {{fullname}}, {{phone}}",
)

# ---- text for keywords, editing, translation ------------------------------------------------

BLOG_SENTENCES = (
    "Heat pumps move heat rather than create it, which is why they can deliver three units of warmth for every unit of electricity.",
    "Smart thermostats save the most energy in homes where nobody is in during the day.",
    "A home battery lets you store cheap overnight electricity and use it during the evening peak.",
    "Water leaks are one of the most common home insurance claims, and most start small.",
    "Time-of-use tariffs reward households that shift laundry and dishwashing to off-peak hours.",
    "Draught-proofing windows is one of the cheapest ways to cut heat loss.",
    "Our {{product}} learns your routine in about a week and adjusts the schedule automatically.",
    "Solar panels produce most in the middle of the day, when many homes are empty.",
    "Standby power from chargers and set-top boxes can add up to several percent of a household bill.",
)
SLOTS["blog_para"] = lambda r, c: " ".join(fill(s, r, c) for s in r.sample(BLOG_SENTENCES, k=r.randrange(2, 5)))
SLOTS["product_blurb"] = pick(
    "The {{product}} connects to your wifi in minutes and works with the Northwind app. Set schedules, see live usage "
    "and get alerts when something looks off. Designed in {{city}}, built to last ten years.",
    "Meet the {{product}}: slim, silent and smart. It reacts to open windows, learns when you're home and shows "
    "exactly what you've saved each week.",
    "A compact {{product}} for flats and small houses. Installs without tools, runs on the {{plan}} plan or standalone.",
)
SLOTS["kb_title"] = pick("How to reset your {{product}}", "Understanding your energy report", "Changing your billing date",
                         "Pairing devices with the Northwind Hub", "What error E{{errcode}} means")
SLOTS["kb_body"] = lambda r, c: SLOTS["blog_para"](r, c)
SLOTS["interview_note"] = pick(
    "Interviewee ({{team}}, {{city}}): likes the weekly report, ignores push alerts, wants a shared household view, "
    "confused by the tariff settings, would pay more for a battery integration.",
    "Customer since 2024, two {{product}} units. Main pain: the app logs out too often. Would recommend to friends, "
    "mostly for the savings graph.",
)
TYPO_PARAS = (
    "Thank you for you're order. We will ship it tommorow and you should recieve it by the end of the week, "
    "if their is any problem please dont hesitate too contact us.",
    "Our new {{product}} is the most efficent device we ever made, its quiet, its smart and it look great in any room.",
    "The meeting have been moved to {{weekday}}, please let me know if this dont work for you and we find an other time.",
    "As discused, the team will finalise the report untill friday and send it to all stakeholder's.",
)
CASUAL_PARAS = (
    "hey, so the thing broke again lol. can u guys just send a new one? kinda over it tbh",
    "Yeah we're gonna be late on the {{module}} stuff, stuff came up, should be fine by next week probably.",
    "Just a heads up, prices are going up in {{month}}. Sorry! Nothing we can do.",
    "As I already said in my last THREE emails, the invoice is wrong. Please actually read what I write.",
)
FORMAL_PARAS = (
    "We regret to inform you that your request cannot be processed at this time due to insufficient documentation.",
    "Pursuant to our terms of service, accounts inactive for more than 24 months shall be closed without further notice.",
    "Please be advised that scheduled maintenance will render the service unavailable between 02:00 and 04:00 UTC.",
)
MARKETING_PARAS = (
    "The {{product}} is here! With our brand new adaptive algorithm, which has been developed over many years by our "
    "team of world-class engineers, you will be able to save more energy than ever before, and it also looks "
    "beautiful in every room of your house, whatever your style is!",
    "Winter is coming and your heating bill is too. Northwind's smart schedules make sure you are only heating the "
    "rooms you are actually using, at the times you are actually using them, which means lower bills and a warmer home.",
    "Say hello to peace of mind. The {{product}} watches over your home 24/7 and sends an alert the moment "
    "something is wrong, so you can fix small problems before they become big ones.",
)
SLOTS["typo_para"] = pick_list(TYPO_PARAS)
SLOTS["casual_para"] = pick_list(CASUAL_PARAS)
SLOTS["formal_para"] = pick_list(FORMAL_PARAS)
SLOTS["marketing_para"] = pick_list(MARKETING_PARAS)

# ---- structured data -----------------------------------------------------------------------


def _csv_block(r: Random, c: Ctx) -> str:
    rows = ["device_id,model,city,installed,kwh_saved"]
    for _ in range(r.randrange(3, 9)):
        rows.append(
            f"D{r.randrange(10000, 99999)},{r.choice(PRODUCTS).split()[0]},{r.choice(CITIES)},"
            f"2026-{r.randrange(1, 10):02d}-{r.randrange(1, 28):02d},{r.uniform(2, 300):.1f}"
        )
    return "\n".join(rows)


def _json_block(r: Random, c: Ctx) -> str:
    obj = {
        "customer": {"name": fill("{{fullname}}", r, c), "plan": r.choice(PLANS), "city": r.choice(CITIES)},
        "devices": [{"sku": f"NW-{r.randrange(100, 999)}", "qty": r.randrange(1, 4)} for _ in range(r.randrange(1, 4))],
        "active": r.random() < 0.8,
    }
    return orjson.dumps(obj, option=orjson.OPT_INDENT_2).decode()


SLOTS["csv_block"] = _csv_block
SLOTS["json_block"] = _json_block
SLOTS["kv_block"] = lambda r, c: fill(
    "Name: {{fullname}}\nCompany: {{company}}\nPlan: {{plan}}\nSeats: {{qty}}\nRenewal: {{date}}\nOwner: {{fullname2}}", r, c
)
SLOTS["date_lines"] = lambda r, c: "\n".join(
    f"{r.choice(('Order', 'Invoice', 'Visit', 'Return'))} {r.randrange(100, 999)}: {date_text(r)}" for _ in range(r.randrange(3, 7))
)
SLOTS["xml_block"] = lambda r, c: fill(
    "<order id=\"{{order_id}}\"><customer>{{fullname}}</customer><item sku=\"NW-{{qty}}\">{{product}}</item>"
    "<total currency=\"EUR\">{{amount}}</total><shipped>{{date}}</shipped></order>", r, c
)
