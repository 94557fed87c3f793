# ruff: noqa: E501  (module texts: one paragraph string per line reads better than wrapped)
"""The modules written for SMILE, in plain Swedish and English. Seeded by migration 0002; staff
edit them in the admin afterwards."""

from typing import Any

MODULES: list[dict[str, Any]] = [
    {
        "code": "role-theory-practice",
        "dimension": "role",
        "basic": True,
        "title_sv": "Mentorns roll: teori och praktik på arbetsplatsen",
        "title_en": "The mentor's role: theory and practice at the workplace",
        "body_sv": "Som mentor är du länken mellan det adepten lär sig i skolan och det hon gör på arbetsplatsen.\n\nVisa hur ni gör här, och förklara varför. Fråga vad hon har läst och koppla det till uppgiften.\n\nDu behöver inte kunna allt. Du behöver visa vägen, ge tid och ge återkoppling.",
        "body_en": "As a mentor you are the link between what the adept learns at school and what she does at the workplace.\n\nShow how you do things here, and explain why. Ask what she has read and connect it to the task.\n\nYou do not need to know everything. You need to show the way, give time and give feedback.",
        "questions": [
            {
                "sv": "Vilken uppgift på din arbetsplats passar bäst att koppla till teori?",
                "en": "Which task at your workplace is best to connect to theory?",
            },
            {
                "sv": "Hur vet du att adepten har förstått varför, inte bara hur?",
                "en": "How do you know that the adept has understood why, not only how?",
            },
        ],
    },
    {
        "code": "inclusion-whole-life",
        "dimension": "inclusion",
        "basic": True,
        "title_sv": "Inkludering: hela livssituationen",
        "title_en": "Inclusion: the whole life situation",
        "body_sv": "En adept är mer än sin praktik. Boende, familj, ekonomi och hälsa påverkar hur hon orkar lära sig.\n\nFråga hur hon har det, och lyssna. Du ska inte lösa allt, men du kan veta vart hon kan vända sig.\n\nBjud in till fikat och till gemenskapen. Att höra till är en del av att lära sig.",
        "body_en": "An adept is more than her placement. Housing, family, money and health affect how much she can learn.\n\nAsk how she is, and listen. You do not have to solve everything, but you can know where she can turn.\n\nInvite her to the coffee break and to the team. Belonging is part of learning.",
        "questions": [
            {
                "sv": "Vad vet du om adeptens situation utanför arbetet som påverkar praktiken?",
                "en": "What do you know about the adept's life outside work that affects the placement?",
            },
            {
                "sv": "Vem på arbetsplatsen kan hjälpa henne att känna sig välkommen?",
                "en": "Who at the workplace can help her feel welcome?",
            },
        ],
    },
    {
        "code": "learning-plain-swedish",
        "dimension": "learning",
        "basic": True,
        "title_sv": "Lärande: språket på jobbet och klarspråk",
        "title_en": "Learning: language at work and plain Swedish",
        "body_sv": 'Språket lär man sig bäst i arbetet. Säg ordet för verktyget när du visar det.\n\nTala tydligt, i korta meningar. Undvik förkortningar och slang, eller förklara dem.\n\nKontrollera förståelse genom att be adepten visa eller berätta med egna ord, inte genom att fråga "förstår du?".',
        "body_en": 'Language is learnt best at work. Say the word for the tool when you show it.\n\nSpeak clearly, in short sentences. Avoid abbreviations and slang, or explain them.\n\nCheck understanding by asking the adept to show or tell in her own words, not by asking "do you understand?".',
        "questions": [
            {
                "sv": "Vilka ord på din arbetsplats är svårast för en ny person?",
                "en": "Which words at your workplace are hardest for a newcomer?",
            },
            {
                "sv": "Hur kan du kontrollera att en instruktion har gått fram?",
                "en": "How can you check that an instruction has been understood?",
            },
        ],
    },
    {
        "code": "equality-seven-grounds",
        "dimension": "equality",
        "basic": True,
        "title_sv": "Jämlikhet: de sju diskrimineringsgrunderna och rättvis behandling",
        "title_en": "Equality: the seven grounds of discrimination and fair treatment",
        "body_sv": "Diskrimineringslagen skyddar mot diskriminering som har samband med kön, könsöverskridande identitet eller uttryck, etnisk tillhörighet, religion eller annan trosuppfattning, funktionsnedsättning, sexuell läggning och ålder.\n\nRättvis behandling betyder att alla får samma chans att lära sig och visa vad de kan. Det kan kräva olika stöd.\n\nOm adepten berättar om trakasserier: lyssna, tro på henne och visa hur hon kan anmäla i SMILE.",
        "body_en": "The Swedish Discrimination Act protects against discrimination linked to sex, transgender identity or expression, ethnicity, religion or other belief, disability, sexual orientation and age.\n\nFair treatment means everyone gets the same chance to learn and to show what they can do. That can need different support.\n\nIf the adept tells you about harassment: listen, believe her and show her how to report it in SMILE.",
        "questions": [
            {
                "sv": "Finns det arbetsuppgifter där vissa adepter får färre chanser än andra?",
                "en": "Are there tasks where some adepts get fewer chances than others?",
            },
            {
                "sv": "Vad gör du om du ser att en kollega behandlar adepten orättvist?",
                "en": "What do you do if you see a colleague treat the adept unfairly?",
            },
        ],
    },
    {
        "code": "management-commitment",
        "dimension": "management",
        "basic": False,
        "title_sv": "Ledningens stöd: vad arbetsplatsen har lovat",
        "title_en": "Management support: what the workplace has committed",
        "body_sv": "Mentorskap fungerar bara när ledningen stödjer det med tid och resurser.\n\nTa reda på hur många timmar du har för mentorskapet och vem som är din kontaktperson. Din samordnare och din chef vet.\n\nSäg till i tid om tiden inte räcker. Det är en fråga för ledningen, inte ett misslyckande för dig.",
        "body_en": "Mentorship only works when management supports it with time and resources.\n\nFind out how many hours you have for mentoring and who your contact is. Your coordinator and your manager know.\n\nSpeak up early if the time is not enough. That is a matter for management, not a failure of yours.",
        "questions": [
            {
                "sv": "Hur mycket tid har du fått för mentorskapet, och räcker den?",
                "en": "How much time have you been given for mentoring, and is it enough?",
            },
            {
                "sv": "Vad behöver du av din chef för att lyckas?",
                "en": "What do you need from your manager to succeed?",
            },
        ],
    },
]


def seed(module_model: Any) -> None:
    """Put the modules in place (or back), keyed on their code: the migration calls it with its
    historical model; tests that start from a flushed database call it with the real one."""
    for order, item in enumerate(MODULES, start=1):
        module_model.objects.update_or_create(code=item["code"], defaults={**item, "order": order})
