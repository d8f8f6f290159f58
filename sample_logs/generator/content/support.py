"""Customer-support text: tickets, intents, documents to label, product feedback, IT requests,
bug reports, reviews, tweets, forum posts and spam mails."""

from __future__ import annotations

from random import Random

from .slots import SLOTS, Ctx, fill, labelled, pick
from .words import CITIES


# ---- support tickets ------------------------------------------------------------------

TICKET_BODIES: dict[str, tuple[str, ...]] = {
    "billing": (
        "I was charged twice for my {{plan}} subscription this month, {{amount}} both times. Please refund the duplicate.",
        "Invoice {{invoice_id}} says {{amount}} but the price on your site was lower when I ordered the {{product}}. Where does the difference come from?",
        "You billed my card on {{date}} even though I cancelled the {{plan}} plan the week before.",
        "The discount code from your newsletter didn't work at checkout and I ended up paying full price for the {{product}}.",
        "There's a {{amount}} 'service fee' on my statement that nobody told me about. What is it for?",
        "My company needs the VAT number on invoice {{invoice_id}}, can you reissue it?",
    ),
    "shipping": (
        "Order {{order_id}} was supposed to arrive on {{date}} and the tracking hasn't moved since it left {{city}}.",
        "The courier says they delivered my {{product}} but there's nothing at my door or with the neighbours.",
        "The parcel for {{order_id}} arrived crushed and the box only had the manual in it.",
        "Can I still change the delivery address for {{order_id}}? I'm moving to {{city}} next week.",
        "It's been 12 days and my {{product}} still shows 'label created'. Is it even shipped?",
    ),
    "account": (
        "I can't log in, the password reset email never arrives at {{email}}.",
        "How do I add my partner to our Family plan? The invite button is greyed out.",
        "Please close my account and delete my data, I sold the house and the {{product}} with it.",
        "My two-factor codes stopped working after I switched phones and now I'm locked out.",
        "I have two accounts by mistake, can you merge them into the one with {{email}}?",
    ),
    "technical": (
        "My {{product}} keeps dropping off the wifi every few hours, I already restarted the router.",
        "The app crashes every time I open the schedule screen on my Android phone.",
        "Since last night's firmware update the {{product}} shows error E{{errcode}} and won't respond.",
        "The {{product}} says it's 31 degrees in the living room, which is clearly wrong.",
        "Pairing the {{product}} with the Northwind Hub fails at 90% every single time.",
        "The energy report for September is blank even though the {{product}} was online all month.",
    ),
    "returns": (
        "I'd like to return the {{product}}, it's louder than I expected for a bedroom.",
        "The {{product}} I got as a gift is the wrong colour, can I swap it for the white one?",
        "How long do refunds usually take? I sent back order {{order_id}} two weeks ago.",
        "Is the 30-day return window from the order date or the delivery date? Delivery was {{date}}.",
    ),
}
TICKET_SUBJECTS: dict[str, tuple[str, ...]] = {
    "billing": ("Double charge", "Question about my invoice", "Refund please", "Wrong amount billed"),
    "shipping": ("Where is my order?", "Delivery problem", "Package not received", "Change address"),
    "account": ("Can't log in", "Account help", "Delete my account", "2FA problem"),
    "technical": ("Device offline", "App keeps crashing", "Error code", "Not working"),
    "returns": ("Return request", "Exchange", "Refund status", "Returning item"),
}
OPENERS = ("Hi,", "Hello support,", "Hey there,", "Good morning,", "Hi team,", "Hello,", "To whom it may concern,")
CLOSERS = ("Thanks,\n{{first}}", "Please help.", "Regards,\n{{fullname}}", "Cheers, {{first}}", "Thank you in advance.",
           "{{first}} {{last}}", "This is really frustrating.")
EXTRAS = (
    "", "", "I've been a customer for {{n2}} months.", "My order number is {{order_id}}.",
    "I already tried turning it off and on again.", "I'd appreciate a quick answer.",
    "This is the second time I'm writing about this.", "Photos attached.",
)


def _ticket(r: Random, c: Ctx) -> str:
    q = r.choice(tuple(TICKET_BODIES))
    c.setdefault("answer", q)
    c.setdefault("ticket_subject", r.choice(TICKET_SUBJECTS[q]))
    body = fill(r.choice(TICKET_BODIES[q]), r, c)
    extra = fill(r.choice(EXTRAS), r, c)
    return fill(f"{r.choice(OPENERS)}\n\n{body} {extra}".rstrip() + f"\n\n{r.choice(CLOSERS)}", r, c)


def _ticket_short(r: Random, c: Ctx) -> str:
    q = r.choice(tuple(TICKET_BODIES))
    c.setdefault("answer", q)
    return fill(r.choice(TICKET_BODIES[q]), r, c)


SLOTS["ticket"] = _ticket
SLOTS["ticket_short"] = _ticket_short
SLOTS["ticket_subject"] = lambda r, c: r.choice(TICKET_SUBJECTS[r.choice(tuple(TICKET_SUBJECTS))])
SLOTS["agent_note"] = pick(
    "Refund of {{amount}} approved by supervisor.", "Replacement unit shipped today.",
    "Ask for a photo of the device label.", "Known issue, fix in firmware 4.2 next week.",
    "Offer one month of {{plan}} for free.", "Escalated to the logistics partner.",
)

SLOTS["intent_msg"] = labelled(
    {
        "cancel_subscription": (
            "I want to stop my {{plan}} membership at the end of this billing period.",
            "how do i cancel?? not using the app anymore",
            "Please end my subscription, we're moving abroad.",
        ),
        "upgrade_plan": (
            "What would it cost to move from {{plan}} to Pro? I need more than five devices.",
            "Can I switch to yearly billing and get the discount?",
        ),
        "report_bug": (
            "The graph on the energy tab shows yesterday twice.",
            "Notifications arrive three times for every alert on my {{product}}.",
        ),
        "request_refund": (
            "I was billed after cancelling, I want that money back.",
            "The {{product}} broke after a week, I'd like a refund rather than a replacement.",
        ),
        "ask_question": (
            "Does the {{product}} work with solar panels from other brands?",
            "Is there a way to export my usage data to a spreadsheet?",
        ),
        "give_feedback": (
            "Just wanted to say the new night mode is lovely.",
            "Your installer {{first}} was fantastic, very tidy work.",
        ),
    }
)

SLOTS["doc_snippet"] = labelled(
    {
        "invoice": ("{{company}}\nInvoice no. {{invoice_id}}\nDate: {{date}}\nAmount due: {{amount2}}\nPayment terms: 30 days",),
        "receipt": ("Thank you for shopping at {{company}}!\n1 x {{product}}  {{amount}}\nPaid by card ****{{card4}}\nNo refunds without this receipt.",),
        "purchase_order": ("PURCHASE ORDER PO-{{qty}}{{card4}}\nBuyer: Northwind Labs\nSupplier: {{company}}\nDeliver {{qty}} units of {{product}} by {{date}}",),
        "contract": ("This Agreement is entered into on {{date}} between Northwind Labs Ltd and {{company}} (the 'Supplier')...",),
        "bank_statement": ("Statement period {{date}} - {{date2}}\nOpening balance {{amount2}}\nDirect debit {{company}} -{{amount}}",),
    }
)
SLOTS["feedback"] = labelled(
    {
        "app_ux": ("The schedule editor is fiddly, it takes five taps to change one hour.", "Dark mode please!"),
        "hardware": ("The {{product}} gets warm at the back after a few hours.", "Buttons on the {{product}} feel cheap."),
        "pricing": ("{{plan}} is too expensive for what it adds.", "Why do I pay monthly for features the hub already has?"),
        "integrations": ("Would love to see the {{product}} in Apple Home.", "Please add a webhook when the battery is full."),
        "energy_reports": ("The weekly report could compare to the same week last year.", "Let me export the report as CSV."),
        "installation": ("The wall bracket screws were missing from the box.", "Setup guide skips the wiring step for older boilers."),
    }
)
SLOTS["it_request"] = labelled(
    {
        "P1": ("The whole {{city}} office has no internet and we have a client demo in 20 minutes.",
               "Payments are failing on checkout for all customers since 10:02."),
        "P2": ("My laptop won't boot after the update and I have a deadline today.",
               "The shared drive for the {{team}} team is read-only since this morning."),
        "P3": ("Can I get a second monitor for my desk?", "VPN disconnects once or twice a day."),
        "P4": ("Please add me to the #{{module}}-dev Slack channel.", "The kitchen printer is low on toner."),
    }
)
SLOTS["expense_lines"] = lambda r, c: "\n".join(
    r.choice(("Taxi to airport", "Figma annual seat", "Printer paper", "Team lunch", "Hotel in {{city}}",
              "Train ticket", "Jira licence", "Whiteboard markers", "Client dinner", "Coffee beans"))
    .replace("{{city}}", r.choice(CITIES)) + f" {r.uniform(3, 420):.2f}"
    for _ in range(r.randrange(3, 8))
)
SLOTS["bug_report"] = labelled(
    {
        "frontend": ("The save button on the settings page overlaps the footer on small screens.",
                     "Date picker shows American format for UK users."),
        "backend": ("The /v2/readings endpoint returns 500 when the device has no readings yet.",
                    "Invoices generated twice when the webhook retries."),
        "infra": ("Staging deploys time out since we moved to the new cluster.",
                  "Disk on the metrics node is at 96%."),
    }
)

# ---- reviews, tweets, spam ------------------------------------------------------------

REVIEWS = {
    "positive": (
        "Installed the {{product}} in ten minutes and it just works. Our bill dropped noticeably in the first month.",
        "Really pleased. The app is clear and support answered within the hour.",
        "Best purchase this year, the {{product}} is quiet and looks great on the wall.",
        "Five stars, the schedules are so easy to set and the savings are real.",
    ),
    "negative": (
        "Stopped working after three weeks and support keeps sending me the same FAQ link.",
        "The {{product}} disconnects constantly. Returning it.",
        "Overpriced and the app needs a subscription for basic features. Disappointed.",
        "Arrived with a cracked display and I had to wait 12 days for a replacement.",
    ),
    "neutral": (
        "It does what it says. Nothing special, nothing bad.",
        "Delivered on time. Haven't used it long enough to judge.",
        "The {{product}} is fine, similar to the one I had before.",
    ),
    "mixed": (
        "Great hardware, terrible app. The {{product}} itself is solid but the setup was painful.",
        "Saves energy for sure, but the fan is louder than advertised.",
        "Support was friendly, though it took four emails to solve a simple issue.",
    ),
}
SLOTS["review"] = labelled(REVIEWS, {"positive": 1.2, "negative": 1.0, "neutral": 0.6, "mixed": 0.6})
SLOTS["review_list"] = lambda r, c: "\n".join(
    f"- \"{fill(r.choice(REVIEWS[r.choice(tuple(REVIEWS))]), r, {})}\"" for _ in range(r.randrange(3, 7))
)
SLOTS["tweet"] = labelled(
    {
        "positive": ("shoutout to @northwindlabs, my {{product}} paid for itself this winter", "honestly the northwind app update is chef's kiss"),
        "negative": ("@northwindlabs 3rd day without heating control, your app is down AGAIN", "never buying from northwind again, refund taking forever"),
        "neutral": ("anyone tried the northwind {{product}}? thinking of getting one", "northwind labs is hiring in {{city}} apparently"),
    }
)

FORUM_POSTS = {
    "ok": (
        "Has anyone managed to get the {{product}} working with a two-zone boiler?",
        "Tip: set the eco schedule to start 30 minutes earlier in winter, it evens out the heating.",
        "Firmware 4.1 fixed the wifi drops for me, worth updating.",
    ),
    "spam": (
        "CHEAP designer watches, 90% off, only today!!! visit best-deals-watch.example",
        "Earn $$$ from home, no experience needed, DM me on telegram",
    ),
    "abusive": (
        "Whoever designed this app should be fired, total idiots, every one of you.",
        "Shut up {{username}}, nobody asked for your stupid opinion.",
    ),
    "self_promotion": (
        "I wrote a full review of the {{product}} on my blog, link in my profile, please subscribe!",
        "We install Northwind devices in {{city}}, 10% off with code FORUM10, call us.",
    ),
}
SLOTS["forum_post"] = labelled(FORUM_POSTS, {"ok": 3, "spam": 1, "abusive": 0.7, "self_promotion": 0.8})

SPAM_MAILS = {
    "spam": (
        ("Your account has been suspended", "Dear customer, we detected unusual activity. Verify your identity within 24 hours at northwind-secure-login.example or your devices will be disabled."),
        ("Invoice overdue - final notice", "Please find the attached invoice. Payment of {{amount2}} must be made today to avoid legal action. Open attachment: INVOICE_{{card4}}.zip"),
        ("You won!", "Congratulations! You have been selected for a {{amount}} gift card. Click here to claim before midnight."),
        ("Boost your SEO", "Hi, I noticed your website is not ranking on page 1. We can guarantee top positions for a small monthly fee."),
    ),
    "legit": (
        ("Your order {{order_id}} has shipped", "Hi {{first}}, good news: your {{product}} is on its way with {{carrier}}. Track it in the app."),
        ("Meeting notes", "Hi all, attached are the notes from Tuesday's planning session. Let me know if I missed anything. {{first}}"),
        ("Re: quote for installation", "Thanks for the quote, we'd like to go ahead with the installation on {{date}}."),
    ),
}


def _spam_mail(r: Random, c: Ctx) -> str:
    if "spam_body" in c:
        return c["spam_body"]
    kind = "spam" if r.random() < 0.55 else "legit"
    c.setdefault("answer", kind)
    subj, body = r.choice(SPAM_MAILS[kind])
    c["spam_subject"] = fill(subj, r, c)
    c["sender"] = (
        r.choice(("security@northwind-alerts.example", "billing@inv-0ffice.example", "promo@winners-club.example", "seo.expert@growfast.example"))
        if kind == "spam"
        else fill("{{email}}", r, c)
    )
    c["spam_body"] = fill(body, r, c)
    return c["spam_body"]


SLOTS["spam_body"] = _spam_mail
SLOTS["spam_subject"] = lambda r, c: (_spam_mail(r, c), c["spam_subject"])[1]
SLOTS["sender"] = lambda r, c: (_spam_mail(r, c), c["sender"])[1]
SLOTS["review_or_spam"] = lambda r, c: (
    SLOTS["review"](r, c) if r.random() < 0.7 else fill(r.choice(FORUM_POSTS["spam"] + FORUM_POSTS["abusive"]), r, c)
)
