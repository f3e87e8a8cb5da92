"""Display names for the values the schema allows, marked for translation.

``N_`` only marks a string for extraction into the catalogue template; the renderer
translates it with the reader's catalogue when the page is written.
"""

from __future__ import annotations


def N_(message: str) -> str:
    return message


STATUS = {
    "planned": N_("Planned: not open yet"),
    "available": N_("Available"),
    "limited": N_("Limited"),
    "paused": N_("Paused"),
    "suspended": N_("Suspended"),
    "closing": N_("Closing"),
    "closed": N_("Closed"),
    "replaced": N_("Replaced"),
}

SITUATION = {
    "not_yet_booked": N_("If you have not booked your pregnancy care yet"),
    "early_pregnancy": N_("If you are in early pregnancy (up to about 20 weeks)"),
    "later_pregnancy": N_("If you are more than about 20 weeks pregnant"),
    "in_labour": N_("If you are in labour"),
    "after_birth": N_("If you have had your baby"),
}

CATEGORY = {
    "routine_care": N_("Care in pregnancy, birth and after"),
    "specialist_care": N_("Specialist care"),
    "targeted_support": N_("Extra support for your health and wellbeing"),
    "choice_and_planning": N_("Choices, care plans, advocacy and interpreting"),
    "continuity_of_carer": N_("Getting to know your midwife"),
    "information_and_groups": N_("Information, classes and local groups"),
    "voices_partnership": N_("Maternity and Neonatal Voices Partnership"),
    "feedback_and_complaints": N_("Feedback and complaints"),
}

CATEGORY_INTRO = {
    "routine_care": N_(
        "The care every woman is offered: check-ups, scans, birth and the weeks after."
    ),
    "specialist_care": N_(
        "Care for you or your baby when a health condition needs a specialist team."
    ),
    "targeted_support": N_("Help with your mental health, stopping smoking, feeding and more."),
    "choice_and_planning": N_(
        "Help to make choices, plan your care and have your say, in your language."
    ),
    "continuity_of_carer": N_("How you can see the same small team of midwives throughout."),
    "information_and_groups": N_("Classes, trusted information and groups near you."),
    "voices_partnership": N_(
        "Women and families working with the NHS to improve maternity care. You can join."
    ),
    "feedback_and_complaints": N_("How to tell services what went well or what went wrong."),
}

SETTING_TYPE = {
    "home": N_("Home birth"),
    "freestanding_midwifery_unit": N_("Freestanding midwifery unit"),
    "alongside_midwifery_unit": N_("Alongside midwifery unit"),
    "obstetric_unit": N_("Obstetric unit (labour ward)"),
}

SETTING_TYPE_EXPLAINED = {
    "home": N_("You give birth at home, with midwives who come to you."),
    "freestanding_midwifery_unit": N_("A unit run by midwives, away from a hospital with doctors."),
    "alongside_midwifery_unit": N_(
        "A unit run by midwives, in the same hospital as a labour ward with doctors."
    ),
    "obstetric_unit": N_(
        "A hospital labour ward with midwives, doctors, anaesthetists and a neonatal unit nearby."
    ),
}

PAIN_RELIEF = {
    "relaxation_and_breathing": N_("relaxation and breathing"),
    "water": N_("water (a birth pool or bath)"),
    "tens": N_("TENS machine"),
    "gas_and_air": N_("gas and air (Entonox)"),
    "opioid_injection": N_("opioid injection (such as pethidine)"),
    "remifentanil": N_("remifentanil (a drip you control)"),
    "epidural": N_("epidural"),
}

NEONATAL_LEVEL = {
    "none": N_("No neonatal unit on site"),
    "1": N_("Special care unit (level 1)"),
    "1+": N_("Special care unit with extra support (level 1+)"),
    "2": N_("Local neonatal unit (level 2)"),
    "3": N_("Neonatal intensive care unit (level 3)"),
}

YES_NO = {"yes": N_("Yes"), "no": N_("No"), "unknown": N_("Not confirmed")}

ORGANISATION_KIND = {
    "nhs_trust": N_("NHS trust"),
    "independent_provider": N_("Independent provider"),
    "icb": N_("Integrated care board (ICB)"),
    "council": N_("Council"),
    "voluntary": N_("Voluntary organisation"),
    "other": N_("Other organisation"),
}

GETTING_THERE = {
    "bus": N_("By bus"),
    "train": N_("By train"),
    "car": N_("By car"),
    "parking": N_("Parking"),
    "step_free": N_("Step-free access"),
}

MAP_KIND = {
    "hub": N_("community hub"),
    "birth_setting": N_("place to give birth"),
    "place": N_("other place where care is given"),
}

MAP_LAYER = {
    "hub": N_("Community hubs"),
    "birth_setting": N_("Places to give birth"),
    "place": N_("Other places where care is given"),
}

CQC_QUESTION = {
    "overall": N_("Overall"),
    "safe": N_("Is it safe?"),
    "effective": N_("Is it effective?"),
    "caring": N_("Is it caring?"),
    "responsive": N_("Is it responsive?"),
    "well_led": N_("Is it well led?"),
}

CQC_RATING = {
    "outstanding": N_("Outstanding"),
    "good": N_("Good"),
    "requires_improvement": N_("Requires improvement"),
    "inadequate": N_("Inadequate"),
    "not_rated": N_("Not rated"),
}

FFT_RATING = {
    "very_good": N_("Very good"),
    "good": N_("Good"),
    "neither": N_("Neither good nor poor"),
    "poor": N_("Poor"),
    "very_poor": N_("Very poor"),
    "dont_know": N_("Don't know"),
}

FEEDBACK_STAGE = {
    "antenatal": N_("During pregnancy"),
    "birth": N_("Labour and birth"),
    "postnatal": N_("After the birth"),
    "neonatal": N_("Neonatal care"),
    "other": N_("Something else"),
}

ACTION_STATUS = {
    "planned": N_("Planned"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
    "not_adopted": N_("Not adopted"),
}

PUBLISHED_COUNT = {
    "fewer than 5": N_("fewer than 5"),
    "not shown": N_("not shown"),
}

# --- the birth-place page ------------------------------------------------------------------

BIRTH_OUTCOME = {
    "spontaneous_vaginal_birth": N_("Vaginal birth without forceps or ventouse"),
    "instrumental_birth": N_("Birth with forceps or ventouse"),
    "caesarean_birth": N_("Caesarean birth"),
    "epidural": N_("Had an epidural"),
    "episiotomy": N_("Had an episiotomy (a cut to help the baby out)"),
    "blood_transfusion": N_("Needed a blood transfusion"),
    "transferred": N_("Moved to a labour ward during or after labour"),
    "baby_serious_problems": N_("Babies with a serious medical problem"),
}

PARITY = {
    "first_birth": N_("If this is your first baby"),
    "later_birth": N_("If you have given birth before"),
}

WHAT_MATTERS = {
    "birth_pool": N_("Using a birth pool"),
    "partner_overnight": N_("My birth partner staying overnight"),
    "close_to_home": N_("Being close to home"),
    "know_midwife": N_("Knowing my midwife"),
    "fewer_interventions": N_("Fewer interventions (such as forceps or a caesarean)"),
}

VERIFICATION = {
    "checked": N_("Checked against the source"),
    "to_confirm": N_("Awaiting confirmation against the source"),
}
