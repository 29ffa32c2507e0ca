"""The loop that learns from traffic: hard examples exported for labelling, WTP refit from outcomes."""
