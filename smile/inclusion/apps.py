from django.apps import AppConfig


class InclusionConfig(AppConfig):
    name = "smile.inclusion"
    label = "inclusion"

    def ready(self) -> None:
        # The access rules join the policy registry; an adept placed at a workplace (her
        # enrolment saved) gets her own copy of the workplace's onboarding checklist. Programmes
        # cannot import us, so we listen to the enrolment's own save.
        from django.db.models.signals import post_save

        from smile.inclusion import access, selectors, services
        from smile.matching import language_support
        from smile.programmes.models import Enrolment

        access.register()
        # Matching (below us) weighs and explains the language ambassadors through its registry.
        language_support.register("inclusion-ambassadors", selectors.ambassador_languages)
        post_save.connect(
            services.enrolment_saved, sender=Enrolment, dispatch_uid="inclusion-onboarding"
        )
