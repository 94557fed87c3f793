from smile.matching import urls_coordinator, urls_pairs

app_name = "matching"
urlpatterns = [*urls_coordinator.urlpatterns, *urls_pairs.urlpatterns]
