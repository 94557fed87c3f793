"""The demo's curricula (a foundry one and a timber-house one) and the real tasks at the demo's
workplaces, each linked to the objectives practised in it. Written through the curricula services,
as the teacher would, so the demo obeys the same rules as the screens.

The foundry's tasks also come in Arabic and Tigrinya, the languages of the adepts placed at the
moulding shop, marked as translations still to be checked by someone who reads them."""

from dataclasses import dataclass

from smile.accounts.models import User
from smile.learning import content
from smile.learning.curricula import services
from smile.learning.models import Curriculum, Objective, WorkplaceTask
from smile.organisations.choices import Role
from smile.organisations.models import Workplace
from smile.programmes.models import Programme

# (unit code, unit name, [(objective code, objective)]).
UnitData = tuple[str, str, list[tuple[str, str]]]

FOUNDRY: list[UnitData] = [
    (
        "SAK",
        "Säkerhet i gjuteriet",
        [
            ("SAK1", "Jag kan välja och använda rätt skyddsutrustning för uppgiften"),
            ("SAK2", "Jag vet var nödstopp, ögondusch och brandsläckare finns"),
            ("SAK3", "Jag kan förklara varför fukt och smält metall är farligt tillsammans"),
            ("SAK4", "Jag kan lyfta och flytta tunga detaljer på ett säkert sätt"),
        ],
    ),
    (
        "MAT",
        "Mätteknik",
        [
            ("MAT1", "Jag kan mäta en detalj med skjutmått och läsa av rätt"),
            ("MAT2", "Jag kan mäta med mikrometer"),
            ("MAT3", "Jag kan jämföra ett mått med toleransen på ritningen"),
            ("MAT4", "Jag kan fylla i ett mätprotokoll"),
        ],
    ),
    (
        "FRM",
        "Formning och kärntillverkning",
        [
            ("FRM1", "Jag kan göra i ordning formlåda och modell"),
            ("FRM2", "Jag kan stampa en sandform så att den håller"),
            ("FRM3", "Jag kan lägga in en kärna rätt i formen"),
            ("FRM4", "Jag kan kontrollera formen innan den gjuts"),
        ],
    ),
    (
        "SML",
        "Smältning och gjutning",
        [
            ("SML1", "Jag kan berätta hur ugnen fylls på och varför skrot måste vara torrt"),
            ("SML2", "Jag kan mäta temperaturen i smältan"),
            ("SML3", "Jag kan hjälpa till att gjuta med skänk"),
        ],
    ),
    (
        "EFT",
        "Efterbehandling",
        [
            ("EFT1", "Jag kan slå ur ett gjutet gods ur formen"),
            ("EFT2", "Jag kan slipa bort gjutskägg utan att skada detaljen"),
            ("EFT3", "Jag kan blästra en detalj"),
            ("EFT4", "Jag kan hitta och märka ut gjutfel"),
        ],
    ),
]

HOUSE: list[UnitData] = [
    (
        "SAK",
        "Säkerhet på bygget",
        [
            ("SAK1", "Jag använder hjälm, varselväst och skyddsskor på bygget"),
            ("SAK2", "Jag kan berätta vad arbetsmiljöplanen säger om mitt arbete"),
            ("SAK3", "Jag vet hur jag arbetar säkert nära kran och hängande last"),
        ],
    ),
    (
        "RIT",
        "Ritningsläsning",
        [
            ("RIT1", "Jag kan hitta måtten på en ritning"),
            ("RIT2", "Jag förstår skala och kan räkna om ett mått"),
            ("RIT3", "Jag kan läsa var fönster och dörrar ska sitta"),
        ],
    ),
    (
        "STO",
        "Stomresning",
        [
            ("STO1", "Jag kan kapa reglar till rätt längd"),
            ("STO2", "Jag kan spika en väggstomme som är i vinkel"),
            ("STO3", "Jag kan hjälpa till att resa och stötta ett väggelement"),
        ],
    ),
    (
        "ISO",
        "Isolering och fukt",
        [
            ("ISO1", "Jag kan lägga isolering utan glipor"),
            ("ISO2", "Jag kan sätta plastfolie så att den blir tät"),
            ("ISO3", "Jag kan förklara varför stommen måste hållas torr"),
        ],
    ),
    (
        "MON",
        "Montering av fönster och dörrar",
        [
            ("MON1", "Jag kan sätta ett fönster i lod och våg"),
            ("MON2", "Jag kan fästa och täta runt ett fönster"),
            ("MON3", "Jag kan montera en dörr så att den går lätt att stänga"),
        ],
    ),
]

# Workplace key → [(title, where, tools, safety notes, [objective codes])].
TaskData = tuple[str, str, str, str, list[str]]

FOUNDRY_TASKS: dict[str, list[TaskData]] = {
    "moulding": [
        (
            "Kontrollmäta formen före gjutning",
            "Formningshallen, bana 2",
            "Skjutmått, ritning, mätprotokoll",
            "Skyddsglasögon och hörselskydd. Stå inte vid banan när formen flyttas.",
            ["MAT1", "MAT3", "MAT4", "FRM4"],
        ),
        (
            "Stampa en sandform",
            "Formningshallen, formmaskin 1",
            "Formlåda, modell, formsand, stamp",
            "Skyddsskor och handskar. Hörselskydd när maskinen går.",
            ["FRM1", "FRM2"],
        ),
        (
            "Lägga in kärnor",
            "Kärnmakeriet",
            "Kärnor, kärnstöd, tryckluft",
            "Skyddsglasögon när du blåser rent med tryckluft.",
            ["FRM3", "FRM4"],
        ),
        (
            "Mäta temperaturen i smältan",
            "Smältverket, ugn 2",
            "Doppyrometer",
            "Skyddsrock för smältning, visir och handskar. Ingen fukt nära smältan.",
            ["SML1", "SML2", "SAK3"],
        ),
        (
            "Gjuta med skänk",
            "Gjutbanan",
            "Skänk, travers",
            "Full skyddsutrustning för gjutning. Gå aldrig under hängande last.",
            ["SML3", "SAK1", "SAK2"],
        ),
    ],
    "finishing": [
        (
            "Slå ur gjutgods",
            "Urslagningen",
            "Vibrationsgaller, tång",
            "Hörselskydd, skyddsskor och handskar. Godset kan vara varmt.",
            ["EFT1", "SAK1", "SAK4"],
        ),
        (
            "Slipa bort gjutskägg",
            "Slipavdelningen, station 3",
            "Vinkelslip, bänkslip",
            "Visir, hörselskydd och handskar. Kontrollera slipskivan innan du startar.",
            ["EFT2", "SAK1"],
        ),
        (
            "Blästra detaljer",
            "Blästerboxen",
            "Blästerkabin",
            "Stäng luckan innan du startar. Andningsskydd när du tömmer boxen.",
            ["EFT3"],
        ),
        (
            "Slutkontroll och mätning",
            "Kontrollbordet",
            "Skjutmått, mikrometer, mätprotokoll",
            "Skyddsskor.",
            ["MAT1", "MAT2", "MAT4", "EFT4"],
        ),
    ],
}

# Swedish title → language → (title, where, tools, safety notes): versions to be checked.
TaskVersions = dict[str, tuple[str, str, str, str]]
FOUNDRY_TASK_VERSIONS: dict[str, TaskVersions] = {
    "Kontrollmäta formen före gjutning": {
        "ar": (
            "قياس القالب للتحقق منه قبل الصب",
            "صالة التشكيل، الخط 2",
            "قدمة ذات ورنية، رسم هندسي، محضر القياس",
            "نظارات واقية وواقيات للأذن. لا تقف بجانب الخط عندما يُنقل القالب.",
        ),
        "ti": (
            "ቅድሚ ምፍሳስ ነቲ ቅርጺ ብመለክዒ ምፍታሽ",
            "ኣዳራሽ ምቕራጽ፡ መስመር 2",
            "ካሊፐር፡ ንድፊ፡ መዝገብ ምልካዕ",
            "መከላኸሊ መነጽርን መከላኸሊ እዝንን። እቲ ቅርጺ ክንቀሳቐስ ከሎ ኣብ ጥቓ መስመር ደው ኣይትበል።",
        ),
    },
    "Stampa en sandform": {
        "ar": (
            "دكّ قالب رملي",
            "صالة التشكيل، آلة التشكيل 1",
            "صندوق القالب، نموذج، رمل التشكيل، مدكّة",
            "أحذية واقية وقفازات. واقيات للأذن عندما تعمل الآلة.",
        ),
        "ti": (
            "ናይ ሑጻ ቅርጺ ምጽቃጥ",
            "ኣዳራሽ ምቕራጽ፡ ማሽን ምቕራጽ 1",
            "ሳንዱቕ ቅርጺ፡ ሞዴል፡ ሑጻ ቅርጺ፡ መጽቀጢ",
            "መከላኸሊ ጫማን ጓንትን። እቲ ማሽን ክሰርሕ ከሎ መከላኸሊ እዝኒ።",
        ),
    },
    "Lägga in kärnor": {
        "ar": (
            "تركيب القلوب الرملية في القالب",
            "قسم صناعة القلوب",
            "قلوب رملية، دعامات القلوب، هواء مضغوط",
            "نظارات واقية عندما تنظّف بالهواء المضغوط.",
        ),
        "ti": (
            "ናይ ሑጻ ኮር ኣብቲ ቅርጺ ምቕማጥ",
            "ክፍሊ ምስራሕ ኮር",
            "ኮራት፡ መደገፊ ኮር፡ ዝተጸቕጠ ኣየር",
            "ብዝተጸቕጠ ኣየር ክተጽሪ ከለኻ መከላኸሊ መነጽር ተጠቐም።",
        ),
    },
    "Mäta temperaturen i smältan": {
        "ar": (
            "قياس درجة حرارة المعدن المنصهر",
            "قسم الصهر، الفرن 2",
            "بيرومتر غاطس",
            "معطف واقٍ للصهر وواقي وجه وقفازات. لا رطوبة بالقرب من المعدن المنصهر.",
        ),
        "ti": (
            "ሙቐት ናይቲ ዝቐለጠ ብረት ምልካዕ",
            "ክፍሊ ምቕላጥ፡ ፎርኖ 2",
            "መለክዒ ሙቐት (ፓይሮሜተር)",
            "ናይ ምቕላጥ መከላኸሊ ካፖት፡ መከላኸሊ ገጽን ጓንትን። ኣብ ጥቓ እቲ ዝቐለጠ ብረት ዝኾነ ርጥበት ኣይግባእን።",
        ),
    },
    "Gjuta med skänk": {
        "ar": (
            "الصب بالمغرفة",
            "خط الصب",
            "مغرفة، رافعة علوية",
            "معدات وقاية كاملة للصب. لا تمشِ أبداً تحت حمولة معلّقة.",
        ),
        "ti": (
            "ብዓቢ ማንካ ምፍሳስ",
            "መስመር ምፍሳስ",
            "ዓቢ ማንካ፡ ክሬን",
            "ምሉእ ናይ ምፍሳስ መከላኸሊ ክዳውንቲ። ፈጺምካ ኣብ ትሕቲ ዝተሰቕለ ጽዕነት ኣይትኺድ።",
        ),
    },
    "Slå ur gjutgods": {
        "ar": (
            "إخراج المسبوكات من القالب",
            "منطقة تفريغ القوالب",
            "شبكة اهتزازية، ملقط",
            "واقيات للأذن وأحذية واقية وقفازات. قد تكون القطعة المسبوكة ساخنة.",
        ),
        "ti": (
            "ዝተፈሰሰ ኣቑሑ ካብ ቅርጺ ምውጻእ",
            "ቦታ ምውጻእ",
            "ዘንቀጥቅጥ መርበብ፡ ፒንሳ",
            "መከላኸሊ እዝኒ፡ መከላኸሊ ጫማን ጓንትን። እቲ ኣቑሑ ውዑይ ክኸውን ይኽእል እዩ።",
        ),
    },
    "Slipa bort gjutskägg": {
        "ar": (
            "جلخ الزوائد عن المسبوكات",
            "قسم الجلخ، المحطة 3",
            "جلاخة زاوية، جلاخة طاولة",
            "واقي وجه وواقيات للأذن وقفازات. افحص قرص الجلخ قبل أن تبدأ.",
        ),
        "ti": (
            "ዝተረፈ ጫፍ ምፍሳስ ብምሞራድ ምእላይ",
            "ክፍሊ ምሞራድ፡ ጣብያ 3",
            "መሞረዲ ኩርናዕ፡ ናይ ጣውላ መሞረዲ",
            "መከላኸሊ ገጽ፡ መከላኸሊ እዝንን ጓንትን። ቅድሚ ምጅማርካ ነቲ ዲስኮ መሞረዲ ፈትሾ።",
        ),
    },
    "Blästra detaljer": {
        "ar": (
            "سفع القطع بالخردق",
            "صندوق السفع",
            "كابينة السفع",
            "أغلق الباب قبل أن تبدأ. استخدم واقي التنفس عندما تفرغ الصندوق.",
        ),
        "ti": (
            "ክፋላት ብብላስተር ምጽራይ",
            "ሳንዱቕ ብላስተር",
            "ክፍሊ ብላስተር",
            "ቅድሚ ምጅማርካ ነቲ ማዕጾ ዕጾ። ነቲ ሳንዱቕ ከተጽሪ ከለኻ መከላኸሊ ትንፋስ ተጠቐም።",
        ),
    },
    "Slutkontroll och mätning": {
        "ar": (
            "الفحص النهائي والقياس",
            "طاولة الفحص",
            "قدمة ذات ورنية، ميكرومتر، محضر القياس",
            "أحذية واقية.",
        ),
        "ti": (
            "ናይ መወዳእታ ምርመራን ምልካዕን",
            "ጣውላ ምርመራ",
            "ካሊፐር፡ ማይክሮሜተር፡ መዝገብ ምልካዕ",
            "መከላኸሊ ጫማ።",
        ),
    },
}

HOUSE_TASKS: dict[str, list[TaskData]] = {
    "factory": [
        (
            "Läsa väggritningen inför tillverkning",
            "Arbetsledarens kontor vid linje 1",
            "Ritning, tumstock",
            "Skyddsskor i fabriken.",
            ["RIT1", "RIT2", "RIT3"],
        ),
        (
            "Spika väggstomme på väggbordet",
            "Väggbordet, linje 1",
            "Spikpistol, tumstock, vinkelhake, kap",
            "Skyddsglasögon och hörselskydd. Rikta aldrig spikpistolen mot någon.",
            ["STO1", "STO2"],
        ),
        (
            "Lägga in isolering och plastfolie",
            "Linje 2",
            "Isoleringskniv, häftpistol, tejp",
            "Handskar och andningsskydd (FFP2) när du hanterar isolering.",
            ["ISO1", "ISO2"],
        ),
        (
            "Montera fönster i väggelement",
            "Linje 3",
            "Vattenpass, kilar, skruvdragare, fogskum",
            "Lyft fönster två och två. Skyddsskor.",
            ["MON1", "MON2", "RIT3"],
        ),
    ],
    "site_team": [
        (
            "Säkerhetsgenomgång på bygget",
            "Byggboden",
            "Arbetsmiljöplan",
            "Hjälm, varselväst och skyddsskor alltid på bygget.",
            ["SAK1", "SAK2"],
        ),
        (
            "Resa väggelement med kran",
            "Byggplatsen",
            "Mobilkran, stämp, spett",
            "Gå aldrig under hängande last. Följ signalmannens tecken.",
            ["STO3", "SAK3"],
        ),
        (
            "Täta skarvar mot fukt",
            "Byggplatsen",
            "Tejp, fogmassa, fuktmätare",
            "Fallskydd när du arbetar högre än två meter.",
            ["ISO2", "ISO3"],
        ),
        (
            "Montera ytterdörr",
            "Byggplatsen",
            "Vattenpass, kilar, skruvdragare",
            "Lyft dörren två och två. Skyddsskor och handskar.",
            ["MON3", "RIT3"],
        ),
    ],
}


@dataclass(frozen=True)
class LearningDemo:
    foundry: Curriculum
    house: Curriculum


def _curriculum(
    *,
    teacher: User,
    programme: Programme,
    name: str,
    trade: str,
    description: str,
    units: list[UnitData],
) -> Curriculum:
    membership = teacher.memberships.filter(role=Role.TEACHER).select_related("organisation")
    school = membership.get().organisation
    existing = Curriculum.objects.filter(organisation=school, name_sv=name).first()
    if existing is not None:
        return existing
    curriculum = services.curriculum_create(
        actor=teacher,
        organisation=school,
        name=name,
        trade=trade,
        description=description,
        programmes=[programme],
    )
    for unit_order, (unit_code, unit_name, objectives) in enumerate(units, start=1):
        unit = services.unit_save(
            actor=teacher, curriculum=curriculum, code=unit_code, name=unit_name, order=unit_order
        )
        for order, (code, text) in enumerate(objectives, start=1):
            services.objective_save(
                actor=teacher, curriculum=curriculum, unit=unit, code=code, text=text, order=order
            )
    return curriculum


def _tasks(
    *,
    teacher: User,
    curriculum: Curriculum,
    workplaces: dict[str, Workplace],
    tasks: dict[str, list[TaskData]],
    versions: dict[str, TaskVersions] | None = None,
) -> None:
    by_code = {o.code: o for o in Objective.objects.filter(curriculum=curriculum)}
    for key, workplace in workplaces.items():
        for title, location, tools, safety, codes in tasks.get(key, []):
            if WorkplaceTask.objects.filter(workplace=workplace, title_sv=title).exists():
                continue
            translated = (versions or {}).get(title, {})
            services.workplace_task_save(
                actor=teacher,
                workplace=workplace,
                title=title,
                location=location,
                tools=tools,
                safety_notes=safety,
                objectives=[by_code[code] for code in codes],
                translations={
                    content.column(field, language): text
                    for language, texts in translated.items()
                    for field, text in zip(
                        ("title", "location", "tools", "safety_notes"), texts, strict=True
                    )
                },
                languages_to_check=list(translated),
            )


def load_learning_demo(
    *,
    programme: Programme,
    foundry_workplaces: dict[str, Workplace],
    house_workplaces: dict[str, Workplace],
    teacher: User,
) -> LearningDemo:
    """The school's two curricula, used in the programme, and the tasks at each workplace.

    `foundry_workplaces` has the keys "moulding" and "finishing", `house_workplaces` "factory"
    and "site_team". Call it once the adepts are placed: the teacher writes the tasks of the
    workplaces where her school's adepts are."""
    foundry = _curriculum(
        teacher=teacher,
        programme=programme,
        name="Gjuteri – yrkesutbildning",
        trade="Gjuteri",
        description=(
            "Teori och praktik för arbete i gjuteri: säkerhet, mätning, formning, smältning, "
            "gjutning och efterbehandling."
        ),
        units=FOUNDRY,
    )
    house = _curriculum(
        teacher=teacher,
        programme=programme,
        name="Trähusbygge – yrkesutbildning",
        trade="Trähusbygge",
        description=(
            "Teori och praktik för att bygga trähus i fabrik och på bygget: säkerhet, "
            "ritningar, stomme, isolering och montering."
        ),
        units=HOUSE,
    )
    _tasks(
        teacher=teacher,
        curriculum=foundry,
        workplaces=foundry_workplaces,
        tasks=FOUNDRY_TASKS,
        versions=FOUNDRY_TASK_VERSIONS,
    )
    _tasks(teacher=teacher, curriculum=house, workplaces=house_workplaces, tasks=HOUSE_TASKS)
    return LearningDemo(foundry=foundry, house=house)
