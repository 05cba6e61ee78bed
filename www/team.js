// Loads the synthetic partnership into the team view when it is empty.
const el = document.querySelector("foundations-check");
el.addEventListener("fc-ready", async () => {
  if (el.dataset.loaded) return;
  el.dataset.loaded = "yes";
  const load = async (file, previous) => el.importResponses(await (await fetch(file)).text(), { name: file, previous });
  await load("assets/synthetic-team.json", false);
  await load("assets/synthetic-earlier.json", true);
});
