// Sets the framework attribute from the page's query (?f=hostile.json).
document.querySelector("foundations-check").setAttribute("framework", new URLSearchParams(location.search).get("f"));
